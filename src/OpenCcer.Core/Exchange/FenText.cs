using System.Globalization;

namespace OpenCcer.Core.Exchange;

/// <summary>Formats a fen amount as yuan with exactly two decimals, without floating point.</summary>
internal static class FenText
{
    public static string Format(long fen)
    {
        var sign = fen < 0 ? "-" : "";
        var magnitude = fen < 0 ? -(decimal)fen : fen;
        var yuan = decimal.Truncate(magnitude / 100m);
        var rest = magnitude - (yuan * 100m);
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{yuan}.{rest:00}");
    }
}
