using System.Data.Common;
using System.IO.Compression;
using System.Text.Json;

namespace OpenCcer.Storage.Backup;

/// <summary>
/// A portable dump of every table of a store: gzip-compressed JSON lines. The first line is a header,
/// then for each table a line naming it and its columns, one array per row, and a line closing it with
/// its row count; a final line marks the end, so a truncated file is refused rather than half restored.
/// Values are JSON numbers, strings, booleans or null; binary values are objects <c>{"b64": "..."}</c>.
/// Tables are written parents first (by their foreign keys), so rows can be inserted in file order.
/// </summary>
public static class LogicalDump
{
    public const string FormatName = "openccer-logical-backup";
    public const int FormatVersion = 1;

    /// <summary>Writes every table readable on <paramref name="connection"/> (in <paramref name="transaction"/>).</summary>
    public static async Task<long> WriteAsync(DbConnection connection, DbTransaction? transaction, string provider,
        Stream output, CancellationToken ct)
    {
        await using var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true);
        await using var json = new Utf8JsonWriter(gzip, new JsonWriterOptions { SkipValidation = true });
        var tables = await StoreCatalog.TablesParentsFirstAsync(connection, transaction, provider, ct);
        long rowsTotal = 0;
        WriteLine(json, gzip, w =>
        {
            w.WriteString("format", FormatName);
            w.WriteNumber("version", FormatVersion);
            w.WriteString("provider", provider);
            w.WriteNumber("tables", tables.Count);
        });
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"SELECT * FROM {table}";
            await using var reader = await command.ExecuteReaderAsync(ct);
            var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
            WriteLine(json, gzip, w =>
            {
                w.WriteString("table", table);
                w.WriteStartArray("columns");
                foreach (var c in columns) w.WriteStringValue(c);
                w.WriteEndArray();
            });
            long rows = 0;
            while (await reader.ReadAsync(ct))
            {
                json.WriteStartArray();
                for (var i = 0; i < columns.Length; i++) WriteValue(json, reader.GetValue(i));
                json.WriteEndArray();
                await json.FlushAsync(ct);
                gzip.WriteByte((byte)'\n');
                json.Reset();
                rows++;
                if (rows % 1000 == 0) await gzip.FlushAsync(ct);
            }
            rowsTotal += rows;
            WriteLine(json, gzip, w =>
            {
                w.WriteString("end", table);
                w.WriteNumber("rows", rows);
            });
        }
        WriteLine(json, gzip, w => w.WriteBoolean("end_of_backup", true));
        await gzip.FlushAsync(ct);
        return rowsTotal;
    }

    /// <summary>
    /// Reads a dump line by line: for each table first a line with its columns and no row, then one per row,
    /// so a dump of any size is restored in constant memory. Throws on a truncated or inconsistent file.
    /// </summary>
    public static async IAsyncEnumerable<DumpLine> ReadAsync(Stream input, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await using var gzip = new GZipStream(input, CompressionMode.Decompress, leaveOpen: true);
        using var text = new StreamReader(gzip);
        var header = await text.ReadLineAsync(ct) ?? throw new InvalidDataException("The backup is empty.");
        using (var doc = JsonDocument.Parse(header))
        {
            if (!doc.RootElement.TryGetProperty("format", out var format) || format.GetString() != FormatName)
                throw new InvalidDataException("Not an OpenCCER logical backup.");
            var version = doc.RootElement.GetProperty("version").GetInt32();
            if (version != FormatVersion) throw new InvalidDataException($"Backup format version {version} is not supported (expected {FormatVersion}).");
        }
        while (true)
        {
            var line = await text.ReadLineAsync(ct) ?? throw new InvalidDataException("The backup is truncated: no end marker.");
            string name;
            string[] columns;
            using (var start = JsonDocument.Parse(line))
            {
                if (start.RootElement.TryGetProperty("end_of_backup", out _)) yield break;
                name = start.RootElement.GetProperty("table").GetString()!;
                columns = start.RootElement.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToArray();
            }
            yield return new DumpLine(name, columns, null);
            long rows = 0;
            while (true)
            {
                var rowLine = await text.ReadLineAsync(ct) ?? throw new InvalidDataException($"The backup is truncated inside table {name}.");
                object?[] values;
                using (var row = JsonDocument.Parse(rowLine))
                {
                    if (row.RootElement.ValueKind == JsonValueKind.Object)
                    {
                        var expected = row.RootElement.GetProperty("rows").GetInt64();
                        if (row.RootElement.GetProperty("end").GetString() != name || expected != rows)
                            throw new InvalidDataException($"Table {name}: the backup announces {expected} rows but holds {rows}.");
                        break;
                    }
                    values = row.RootElement.EnumerateArray().Select(ReadValue).ToArray();
                }
                if (values.Length != columns.Length) throw new InvalidDataException($"Table {name}: a row has {values.Length} values for {columns.Length} columns.");
                rows++;
                yield return new DumpLine(name, columns, values);
            }
        }
    }

    private static void WriteLine(Utf8JsonWriter json, Stream output, Action<Utf8JsonWriter> body)
    {
        json.WriteStartObject();
        body(json);
        json.WriteEndObject();
        json.Flush();
        output.WriteByte((byte)'\n');
        json.Reset();
    }

    private static void WriteValue(Utf8JsonWriter json, object value)
    {
        switch (value)
        {
            case DBNull: json.WriteNullValue(); break;
            case string s: json.WriteStringValue(s); break;
            case long l: json.WriteNumberValue(l); break;
            case int i: json.WriteNumberValue(i); break;
            case short s16: json.WriteNumberValue(s16); break;
            case bool b: json.WriteBooleanValue(b); break;
            case double d: json.WriteNumberValue(d); break;
            case decimal m: json.WriteNumberValue(m); break;
            case byte[] bytes:
                json.WriteStartObject();
                json.WriteBase64String("b64", bytes);
                json.WriteEndObject();
                break;
            default: throw new NotSupportedException($"Cannot back up a value of type {value.GetType().Name}.");
        }
    }

    private static object? ReadValue(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => e.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => e.TryGetInt64(out var l) ? l : e.GetDecimal(),
        JsonValueKind.Object => e.GetProperty("b64").GetBytesFromBase64(),
        _ => throw new InvalidDataException($"Unexpected value {e.GetRawText()} in the backup."),
    };
}

/// <summary>One line of a logical dump: a table's start (<see cref="Row"/> null) or one of its rows.</summary>
public sealed record DumpLine(string Table, IReadOnlyList<string> Columns, object?[]? Row);
