using System.Text;

namespace OpenCcer.Core.Primitives;

/// <summary>
/// Minimal RFC 4180 reader for reference data and monitoring files: comma separated, double quotes
/// around fields that hold commas or quotes, <c>""</c> for a quote. A record never spans lines
/// (monitoring data has no multi-line fields), which keeps line numbers exact for error reports.
/// </summary>
public static class CsvText
{
    /// <summary>A non-blank line split into fields; <see cref="LineNumber"/> is 1-based.</summary>
    public sealed record Line(int LineNumber, IReadOnlyList<string> Fields, string? Error);

    public static IEnumerable<Line> Lines(string text)
    {
        var lineNumber = 0;
        using var reader = new StringReader(text);
        while (reader.ReadLine() is { } raw)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }
            if (lineNumber == 1 && raw.Length > 0 && raw[0] == '\uFEFF')
            {
                raw = raw[1..];
            }
            yield return Split(lineNumber, raw);
        }
    }

    private static Line Split(int lineNumber, string raw)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < raw.Length && raw[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString().Trim());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }
        fields.Add(field.ToString().Trim());
        return new Line(lineNumber, fields, quoted ? "unterminated quoted field" : null);
    }
}
