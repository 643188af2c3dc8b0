using System.Reflection;

namespace OpenCcer.Core.Primitives;

/// <summary>
/// Reference data files shipped inside the Core assembly (the repository's <c>reference/</c> folder).
/// Names are relative to that folder with forward slashes, e.g. <c>calendar/prc-2026.csv</c>.
/// </summary>
public static class ReferenceData
{
    private const string Prefix = "reference/";

    /// <summary>The text of one shipped reference file.</summary>
    /// <exception cref="FileNotFoundException">No such file ships with this build.</exception>
    public static string Read(string name)
    {
        var assembly = typeof(ReferenceData).Assembly;
        using var stream = assembly.GetManifestResourceStream(Prefix + name)
            ?? throw new FileNotFoundException($"Reference file '{name}' is not shipped with OpenCCER.", name);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Names of every shipped reference file, sorted.</summary>
    public static IReadOnlyList<string> Names() =>
        typeof(ReferenceData).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..])
            .Order(StringComparer.Ordinal)
            .ToArray();
}
