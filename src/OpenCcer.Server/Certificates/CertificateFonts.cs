using System.Reflection;
using PdfSharp.Fonts;

namespace OpenCcer.Server.Certificates;

/// <summary>
/// Fonts for certificates: DejaVu Sans (Bitstream Vera licence, see Fonts/LICENSE.txt) embedded in the
/// assembly, so a certificate renders the same on any machine, with nothing installed. Bold is simulated.
/// PDFsharp keeps one resolver per process: <see cref="Install"/> sets it once.
/// </summary>
public sealed class CertificateFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private const string Face = "DejaVuSans";
    private const string Resource = "OpenCcer.Server.Certificates.DejaVuSans.ttf";

    private static readonly Lazy<byte[]> FontBytes = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The embedded font {Resource} is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    private static readonly Lazy<bool> Installed = new(() =>
    {
        GlobalFontSettings.FontResolver = new CertificateFonts();
        return true;
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Makes PDFsharp use these fonts; safe to call from any thread, any number of times.</summary>
    public static void Install() => _ = Installed.Value;

    // Every family asked for resolves to DejaVu Sans: certificates use no other.
    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) => new(Face, bold, italic);

    public byte[]? GetFont(string faceName) => faceName == Face ? FontBytes.Value : null;
}
