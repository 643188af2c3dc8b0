using System.CommandLine;
using OpenCcer.Application.Exports;
using OpenCcer.Core.Registry;
using OpenCcer.Storage;

namespace OpenCcer.Cli;

/// <summary>
/// <c>ccer export</c>: the public registry lists as CSV, JSON or XLSX, and projects, issuances and unit
/// blocks in the CAD Trust shape (JSON), to a file or standard output. The same tables the API serves.
/// </summary>
internal static class ExportCommand
{
    private const string CadTrustList = "cad-trust";

    public static Command Create()
    {
        var store = CcerCommand.StoreOption();
        string[] lists = [.. PublicListTables.Names, CadTrustList];
        var what = new Argument<string>("list") { Description = "What to export: " + string.Join(", ", lists) + "." };
        what.AcceptOnlyFromAmong(lists);
        var format = new Option<string>("--format") { Description = "csv, json or xlsx (xlsx needs --output; cad-trust is always JSON).", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json", "xlsx");
        var file = new Option<FileInfo?>("--output") { Description = "Write to this file instead of standard output." };
        var serials = new Option<string>("--serial-format") { Description = "Template of serial blocks.", DefaultValueFactory = _ => SerialFormat.Default.Template };
        var command = new Command("export", "Export public registry data as CSV, JSON, XLSX or CAD Trust JSON.") { what, store, format, file, serials };
        command.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var fileFormat = Enum.Parse<ExportFormat>(parse.GetValue(format)!, ignoreCase: true);
            var target = parse.GetValue(file);
            if (fileFormat == ExportFormat.Xlsx && target is null && parse.GetValue(what) != CadTrustList)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("XLSX is binary: give --output <file>.");
                return CcerCommand.BadInput;
            }
            await using var ledgerStore = LedgerStore.Open(parse.GetValue(store)!);
            await ledgerStore.InitializeAsync(ct);
            var serialFormat = new SerialFormat(parse.GetValue(serials)!);
            byte[] content;
            string rows;
            if (parse.GetValue(what) == CadTrustList)
            {
                var cad = await CadTrust.LoadAsync(ledgerStore, serialFormat, ct);
                content = System.Text.Encoding.UTF8.GetBytes(CadTrust.Serialize(cad));
                rows = $"{cad.Projects.Count} projects, {cad.Issuances.Count} issuances, {cad.Units.Count} unit blocks";
            }
            else
            {
                var table = (await PublicListTables.LoadAsync(ledgerStore, serialFormat, parse.GetValue(what)!, ct))!;
                content = ExportWriter.Write(table, fileFormat);
                rows = $"{table.Rows.Count} rows";
            }
            if (target is not null)
            {
                await File.WriteAllBytesAsync(target.FullName, content, ct);
                await output.WriteLineAsync($"Wrote {rows} to {target.FullName}.");
            }
            else
            {
                await output.WriteAsync(System.Text.Encoding.UTF8.GetString(content));
            }
            return CcerCommand.Success;
        });
        return command;
    }
}
