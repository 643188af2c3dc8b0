using System.Globalization;

namespace OpenCcer.Core.Registry;

/// <summary>
/// How a serial block is written. The default is <c>CCER-{projectCode}-{vintage}-{first}-{last}</c>;
/// the template is configuration (the registry publishes no official format).
/// </summary>
public sealed record SerialFormat(string Template)
{
    public static readonly SerialFormat Default = new("CCER-{projectCode}-{vintage}-{first}-{last}");

    public string Render(Instrument instrument, long first, long last) =>
        Template
            .Replace("{projectCode}", instrument.ProjectCode, StringComparison.Ordinal)
            .Replace("{vintage}", instrument.Vintage.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{first}", first.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{last}", last.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
