using OpenCcer.Application.Exports;
using OpenCcer.Cli;
using OpenCcer.Core.Registry;
using OpenCcer.Storage;

namespace OpenCcer.Cli.Tests;

public sealed class ExportCommandTests
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "openccer-tests", $"cli-export-{Guid.NewGuid():N}");
    private string Store => $"Data Source={Path.Combine(directory, "registry.db")}";

    private static async Task<(int Exit, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CcerCommand.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task every_list_exported_to_a_file_in_every_format_reads_back_as_the_stores_records()
    {
        Directory.CreateDirectory(directory);
        Assert.Equal(0, (await Run("seed", "--store", Store)).Exit);
        await using var store = LedgerStore.Open(Store);
        foreach (var list in PublicListTables.Names)
        {
            var expected = (await PublicListTables.LoadAsync(store, SerialFormat.Default, list, default))!;
            foreach (var format in new[] { "csv", "json", "xlsx" })
            {
                var file = Path.Combine(directory, $"{list}.{format}");
                var run = await Run("export", list, "--format", format, "--output", file, "--store", Store);
                Assert.Equal(0, run.Exit);
                Assert.Contains($"Wrote {expected.Rows.Count} rows", run.Output, StringComparison.Ordinal);
                var back = ExportWriter.Read(list, await File.ReadAllBytesAsync(file), Enum.Parse<ExportFormat>(format, ignoreCase: true));
                Assert.True(expected.SameRecords(back), $"{list}.{format} differs from the store");
            }
        }
    }

    [Fact]
    public async Task cad_trust_goes_to_standard_output_and_xlsx_needs_a_file()
    {
        Directory.CreateDirectory(directory);
        Assert.Equal(0, (await Run("seed", "--store", Store)).Exit);
        var cad = await Run("export", "cad-trust", "--store", Store);
        Assert.Equal(0, cad.Exit);
        var document = CadTrust.Deserialize(cad.Output);
        Assert.NotEmpty(document.Units);
        Assert.Equal(2, (await Run("export", "issuances", "--format", "xlsx", "--store", Store)).Exit);
    }
}
