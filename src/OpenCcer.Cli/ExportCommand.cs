using System.CommandLine;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using OpenCcer.Storage;

namespace OpenCcer.Cli;

/// <summary><c>ccer export</c>: public registry lists as CSV or JSON, to a file or standard output.</summary>
internal static class ExportCommand
{
    private static readonly string[] Lists = ["issuances", "cancellations", "totals"];

    public static Command Create()
    {
        var store = CcerCommand.StoreOption();
        var what = new Argument<string>("list") { Description = "What to export: " + string.Join(", ", Lists) + "." };
        what.AcceptOnlyFromAmong(Lists);
        var format = new Option<string>("--format") { Description = "csv or json.", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json");
        var file = new Option<FileInfo?>("--output") { Description = "Write to this file instead of standard output." };
        var command = new Command("export", "Export public registry data as CSV or JSON.") { what, store, format, file };
        command.SetAction(async (parse, ct) =>
        {
            await using var ledgerStore = LedgerStore.Open(parse.GetValue(store)!);
            await ledgerStore.InitializeAsync(ct);
            IReadOnlyList<object> rows = parse.GetValue(what) switch
            {
                "issuances" => await All((limit, offset) => ledgerStore.IssuancesAsync(null, limit, offset, ct)),
                "cancellations" => (await All((limit, offset) => ledgerStore.CancellationsAsync(limit, offset, ct)))
                    .Cast<Storage.Projections.CancellationRow>()
                    .Select(c => (object)new PublicCancellation(c.CertificateNumber, c.ProjectCode, c.Vintage, c.Quantity,
                        JsonNamingPolicy.SnakeCaseLower.ConvertName(((Core.Registry.CancellationPurpose)c.Purpose).ToString()),
                        c.Beneficiary, c.Ranges, c.CancelledAt))
                    .ToList(),
                _ => [await ledgerStore.TotalsAsync(ct)],
            };
            var text = parse.GetValue(format) == "json" ? Json(rows) : Csv(rows);
            if (parse.GetValue(file) is { } target)
            {
                await File.WriteAllTextAsync(target.FullName, text, new UTF8Encoding(false), ct);
                await parse.InvocationConfiguration.Output.WriteLineAsync($"Wrote {rows.Count} rows to {target.FullName}.");
            }
            else
            {
                await parse.InvocationConfiguration.Output.WriteAsync(text);
            }
            return CcerCommand.Success;
        });
        return command;
    }

    private sealed record PublicCancellation(string CertificateNumber, string ProjectCode, int Vintage, long QuantityTonnes,
        string Purpose, string Beneficiary, string Serials, string CancelledAt);

    private static async Task<IReadOnlyList<object>> All<T>(Func<int, int, Task<List<T>>> page) where T : notnull
    {
        var rows = new List<object>();
        for (var offset = 0; ; offset += LedgerStore.PageSizeMax)
        {
            var batch = await page(LedgerStore.PageSizeMax, offset);
            rows.AddRange(batch.Cast<object>());
            if (batch.Count < LedgerStore.PageSizeMax) return rows;
        }
    }

    private static string Json(IReadOnlyList<object> rows) => JsonSerializer.Serialize(rows.ToArray(), new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    }) + "\n";

    private static string Csv(IReadOnlyList<object> rows)
    {
        var b = new StringBuilder();
        if (rows.Count == 0) return "";
        var properties = rows[0].GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance);
        b.AppendJoin(',', properties.Select(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name))).Append('\n');
        foreach (var row in rows)
        {
            b.AppendJoin(',', properties.Select(p => Field(Convert.ToString(p.GetValue(row), CultureInfo.InvariantCulture)))).Append('\n');
        }
        return b.ToString();
    }

    private static string Field(string? value)
    {
        value ??= "";
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
