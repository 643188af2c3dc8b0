using System.Text;

namespace OpenCcer.Server.Web;

/// <summary>RFC 4180 CSV: fields with commas, quotes or line breaks are quoted; a leading = + - @ is prefixed with ' so spreadsheets do not run it.</summary>
public sealed class Csv
{
    private readonly StringBuilder text = new();

    public void Row(params string[] fields)
    {
        text.Append(string.Join(",", fields.Select(Field))).Append("\r\n");
    }

    public byte[] ToBytes() => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];

    public static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@') value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
