using OpenCcer.Cli;
using OpenCcer.Storage;

namespace OpenCcer.Cli.Tests;

public sealed class RegistryCommandTests
{
    private readonly string store = $"Data Source={Path.Combine(Path.GetTempPath(), "openccer-tests", $"cli-{Guid.NewGuid():N}.db")}";

    private static async Task<(int Exit, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CcerCommand.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task seed_prints_the_demo_keys_and_verify_passes_on_the_seeded_database()
    {
        var seeded = await Run("seed", "--store", store);
        Assert.Equal(0, seeded.Exit);
        Assert.Contains("ccer-demo-registry-admin", seeded.Output);
        var verified = await Run("verify", "--store", store);
        Assert.Equal(0, verified.Exit);
        Assert.Contains("OK:", verified.Output);
        var again = await Run("seed", "--store", store);
        Assert.Contains(" 0 new operations", again.Output);
    }

    [Theory]
    [InlineData("UPDATE journal SET event = replace(event, 'office', 'offices') WHERE kind = 'units_cancelled'")]
    [InlineData("UPDATE journal SET operation_id = 'forged' WHERE seq = 5")]
    [InlineData("UPDATE blocks SET account_id = 3 WHERE id = 2")]
    [InlineData("UPDATE holdings SET frozen = frozen + 1 WHERE frozen > 0")]
    [InlineData("UPDATE reservations SET remaining = remaining - 1")]
    [InlineData("UPDATE freezes SET quantity = quantity + 1")]
    [InlineData("UPDATE cancellations SET beneficiary = 'someone else' WHERE id = 1")]
    [InlineData("DELETE FROM journal WHERE seq = (SELECT MAX(seq) FROM journal)")]
    [InlineData("INSERT INTO cash_accounts (participant_id, balance_fen, held_fen) VALUES (999, 100, 0)")]
    [InlineData("INSERT INTO exchange_instruments (project_code, vintage, listed_by, initial_price_fen, listed_at, tradable_from) " +
        "VALUES ('SD-OW-0001', 2024, 2, 5000, '2026-03-02T02:00:00.0000000+00:00', '2026-03-03')")]
    public async Task verify_fails_after_a_row_is_altered_by_hand(string tamper)
    {
        Assert.Equal(0, (await Run("seed", "--store", store)).Exit);
        await using (var s = LedgerStore.Open(store))
        {
            Assert.True(await s.ExecuteAsync(tamper) > 0, "the tamper statement changed no row");
        }
        var verified = await Run("verify", "--store", store);
        Assert.Equal(1, verified.Exit);
        Assert.Contains("FAILED", verified.Output);
    }

    [Fact]
    public async Task export_writes_public_lists_as_csv_and_json()
    {
        await Run("seed", "--store", store);
        var csv = await Run("export", "cancellations", "--store", store);
        Assert.Equal(0, csv.Exit);
        var lines = csv.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("certificate_number,project_code,vintage,quantity_tonnes,purpose,beneficiary,serials,cancelled_at", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.Contains(",voluntary_public_interest,", lines[1]);
        var json = await Run("export", "issuances", "--format", "json", "--store", store);
        Assert.Equal(16, System.Text.Json.JsonDocument.Parse(json.Output).RootElement.GetArrayLength());
    }

    [Fact]
    public async Task unknown_lists_and_options_exit_with_2()
    {
        Assert.Equal(2, (await Run("export", "bogus", "--store", store)).Exit);
        Assert.Equal(2, (await Run("verify", "--no-such-option")).Exit);
    }
}
