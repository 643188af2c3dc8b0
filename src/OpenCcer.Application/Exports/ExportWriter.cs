using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace OpenCcer.Application.Exports;

/// <summary>
/// Writes and reads export files. CSV follows RFC 4180 (comma, CRLF-free "\n" rows, quotes doubled) with a
/// header row; JSON is an array of objects keyed by column, numbers as numbers; XLSX is one sheet per table.
/// </summary>
public static class ExportWriter
{
    public static string ContentType(ExportFormat format) => format switch
    {
        ExportFormat.Csv => "text/csv; charset=utf-8",
        ExportFormat.Json => "application/json; charset=utf-8",
        _ => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    };

    public static string Extension(ExportFormat format) => format.ToString().ToLowerInvariant();

    public static byte[] Write(ExportTable table, ExportFormat format) => format switch
    {
        ExportFormat.Csv => Encoding.UTF8.GetBytes(Csv(table)),
        ExportFormat.Json => Encoding.UTF8.GetBytes(Json(table)),
        _ => XlsxTables.Write([table]),
    };

    public static ExportTable Read(string name, byte[] content, ExportFormat format) => format switch
    {
        ExportFormat.Csv => ReadCsv(name, Encoding.UTF8.GetString(content)),
        ExportFormat.Json => ReadJson(name, Encoding.UTF8.GetString(content)),
        _ => XlsxTables.Read(content).Single(t => t.Name == name),
    };

    public static string Csv(ExportTable table)
    {
        var b = new StringBuilder();
        b.AppendJoin(',', table.Columns.Select(Field)).Append('\n');
        foreach (var row in table.Rows) b.AppendJoin(',', row.Select(c => Field(ExportTable.Text(c)))).Append('\n');
        return b.ToString();
    }

    private static string Field(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    public static ExportTable ReadCsv(string name, string text)
    {
        var records = new List<List<string>>();
        var field = new StringBuilder();
        var record = new List<string>();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else field.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { record.Add(field.ToString()); field.Clear(); }
            else if (ch == '\n')
            {
                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
            }
            else if (ch != '\r') field.Append(ch);
        }
        if (field.Length > 0 || record.Count > 0) { record.Add(field.ToString()); records.Add(record); }
        if (records.Count == 0) return new ExportTable(name, [], []);
        return new ExportTable(name, records[0], records.Skip(1).Select(r => (IReadOnlyList<object?>)r.Cast<object?>().ToList()).ToList());
    }

    private static readonly JsonWriterOptions JsonOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Json(ExportTable table)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, JsonOptions))
        {
            w.WriteStartArray();
            foreach (var row in table.Rows)
            {
                w.WriteStartObject();
                for (var i = 0; i < table.Columns.Count; i++)
                {
                    w.WritePropertyName(table.Columns[i]);
                    switch (row[i])
                    {
                        case null: w.WriteNullValue(); break;
                        case long l: w.WriteNumberValue(l); break;
                        case int n: w.WriteNumberValue(n); break;
                        case bool b: w.WriteBooleanValue(b); break;
                        default: w.WriteStringValue(ExportTable.Text(row[i])); break;
                    }
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    public static ExportTable ReadJson(string name, string text)
    {
        using var document = JsonDocument.Parse(text);
        var rows = document.RootElement.EnumerateArray().ToList();
        var columns = rows.Count == 0 ? [] : rows[0].EnumerateObject().Select(p => p.Name).ToList();
        return new ExportTable(name, columns, rows.Select(r => (IReadOnlyList<object?>)r.EnumerateObject().Select(p => (object?)(p.Value.ValueKind switch
        {
            JsonValueKind.Null => "",
            JsonValueKind.String => p.Value.GetString(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => p.Value.GetRawText(),
        })).ToList()).ToList());
    }
}
