using OpenCcer.Application.Exports;
using OpenCcer.Core.Registry;
using OpenCcer.Storage;
using OpenCcer.Storage.Tests;

namespace OpenCcer.Application.Tests.Exports;

/// <summary>Every public list, written in every format from a seeded store, reads back as the same records.</summary>
public abstract class ExportRoundTripContract : IAsyncLifetime
{
    private LedgerStore store = null!;
    private RegistryEngine engine = null!;

    protected abstract string ConnectionString();

    public async Task InitializeAsync()
    {
        store = LedgerStore.Open(ConnectionString());
        engine = await RegistryEngine.StartAsync(store, TimeProvider.System);
        await DemoSeed.RunAsync(engine);
    }

    public async Task DisposeAsync()
    {
        await engine.DisposeAsync();
        await store.DisposeAsync();
    }

    [Fact]
    public async Task every_public_list_round_trips_through_csv_json_and_xlsx()
    {
        foreach (var name in PublicListTables.Names)
        {
            var table = (await PublicListTables.LoadAsync(store, SerialFormat.Default, name, default))!;
            Assert.NotEmpty(table.Rows);
            foreach (var format in Enum.GetValues<ExportFormat>())
            {
                var back = ExportWriter.Read(name, ExportWriter.Write(table, format), format);
                Assert.True(table.SameRecords(back), $"{name} as {format} did not read back the same.");
            }
        }
        Assert.Null(await PublicListTables.LoadAsync(store, SerialFormat.Default, "accounts", default));
    }

    [Fact]
    public async Task the_unit_list_covers_every_issued_tonne_and_cancellations_name_their_serial_blocks()
    {
        var units = (await PublicListTables.LoadAsync(store, SerialFormat.Default, "units", default))!;
        var issued = (await store.Registry.TotalsAsync()).IssuedTonnes;
        Assert.Equal(issued, units.Rows.Sum(r => (long)r[7]!));
        var cancellations = (await PublicListTables.LoadAsync(store, SerialFormat.Default, "cancellations", default))!;
        Assert.All(cancellations.Rows, r => Assert.StartsWith($"CCER-{r[1]}-{r[2]}-", (string)r[6]!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task statistics_add_up_to_the_registry_totals()
    {
        var totals = await store.Registry.TotalsAsync();
        var s = await store.Registry.StatisticsAsync();
        Assert.Equal(totals.IssuedTonnes, s.IssuanceByMethodology.Sum(r => r.Tonnes));
        Assert.Equal(totals.IssuedTonnes, s.IssuanceByProvince.Sum(r => r.Tonnes));
        Assert.Equal(totals.IssuedTonnes, s.IssuanceByVintage.Sum(r => r.Tonnes));
        Assert.Equal(totals.Issuances, s.IssuanceByVintage.Sum(r => r.Count));
        Assert.Equal(totals.CancelledTonnes, s.CancellationsByPurpose.Sum(r => r.Tonnes));
        Assert.Equal(5_000, s.CancellationsByPurpose.Single(r => r.Key == "voluntary_public_interest").Tonnes);
        Assert.Equal(s.IssuanceByVintage.Select(r => r.Key).Order(StringComparer.Ordinal), s.IssuanceByVintage.Select(r => r.Key));
        Assert.Contains(s.IssuanceByVintage, r => r.Key == "2022");
        Assert.Empty(s.OffsetsByCompliancePeriod);
        Assert.Contains(s.ProjectsByPhase, r => r.Key == "registered" && r.Count > 0);
    }

    [Fact]
    public async Task the_cad_trust_export_reads_back_the_same_and_accounts_for_every_unit()
    {
        var cad = await CadTrust.LoadAsync(store, SerialFormat.Default, default);
        var json = CadTrust.Serialize(cad);
        var back = CadTrust.Deserialize(json);
        Assert.Equal(json, CadTrust.Serialize(back));
        Assert.Equal(cad.Units.Select(u => u.UnitBlockId), back.Units.Select(u => u.UnitBlockId));
        Assert.Contains("\"unitBlockStart\"", json, StringComparison.Ordinal);
        Assert.Contains("\"projectLocations\"", json, StringComparison.Ordinal);
        foreach (var issuance in cad.Issuances)
            Assert.Equal(issuance.UnitCount, cad.Units.Where(u => u.IssuanceId == issuance.Id).Sum(u => u.UnitCount));
        Assert.Contains(cad.Units, u => u.UnitStatus == "Retired" && u.UnitStatusReason == "voluntary_public_interest");
        Assert.Contains(cad.Units, u => u.UnitStatus == "Held");
        Assert.NotEmpty(cad.Projects);
    }
}

public sealed class SqliteExportRoundTripContract : ExportRoundTripContract
{
    protected override string ConnectionString() => TestStores.NewSqliteConnectionString();
}

public sealed class PostgresExportRoundTripContract : ExportRoundTripContract
{
    protected override string ConnectionString() => TestStores.NewPostgresConnectionString();
}
