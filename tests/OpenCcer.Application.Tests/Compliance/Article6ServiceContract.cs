using OpenCcer.Application.Article6;
using OpenCcer.Application.Compliance;
using OpenCcer.Core.Article6;
using OpenCcer.Core.Compliance;
using OpenCcer.Core.Registry;
using OpenCcer.Storage;
using OpenCcer.Storage.Compliance;
using OpenCcer.Storage.Tests;

namespace OpenCcer.Application.Tests.Compliance;

/// <summary>Article 6 on every store: authorization, a transfer abroad with its mitigation share, and the annual report.</summary>
public abstract class Article6ServiceContract : IAsyncLifetime
{
    private const string Owner = "91370000MA3CSPIC01";
    private static readonly Instrument Wind = new("SD-OW-0001", 2024);
    private LedgerStore store = null!;
    private RegistryEngine engine = null!;
    private Article6Service article6 = null!;
    private ComplianceService compliance = null!;
    private AccountId owner;

    protected abstract string ConnectionString();

    public async Task InitializeAsync()
    {
        store = LedgerStore.Open(ConnectionString());
        engine = await RegistryEngine.StartAsync(store, TimeProvider.System);
        article6 = new Article6Service(store, engine, Article6Rules.Default, TimeProvider.System);
        compliance = new ComplianceService(store, engine, ComplianceRules.Default, TimeProvider.System, store.Compliance.OffsetBarredInstrumentsAsync);
        owner = ((AccountOpened)(await engine.SubmitAsync("open", new OpenAccount(Owner, "SPIC Shandong", HolderType.KeyEmittingUnit))).Result.Event!).RegistryAccount;
        Assert.True((await engine.SubmitAsync("issue", new IssueUnits("R-1", Wind, 1_020, owner))).Result.IsOk);
    }

    public async Task DisposeAsync()
    {
        await engine.DisposeAsync();
        await store.DisposeAsync();
    }

    [Fact]
    public async Task an_authorized_unit_moved_abroad_is_gone_from_domestic_use_and_the_report_lists_it_with_its_adjustment()
    {
        Assert.Equal(Article6Status.NotAuthorized, (await article6.TransferAsync("t0", Owner, Wind, 1, "Switzerland", "CH registry")).Status);
        Assert.True((await article6.AuthorizeAsync(Wind, "LoA-2026-001", FirstTransfer.InternationalTransfer)).IsOk);
        Assert.True((await article6.AuthorizeAsync(Wind, "LoA-2026-001", FirstTransfer.InternationalTransfer)).IsOk);
        Assert.Equal(Article6Status.AuthorizedDifferently, (await article6.AuthorizeAsync(Wind, "LoA-2026-002", FirstTransfer.Issuance)).Status);
        Assert.Equal(Article6Status.NotCcerUnits, (await article6.AuthorizeAsync(Instrument.Allowance(2025), "X", FirstTransfer.Issuance)).Status);
        Assert.Equal(LedgerStatus.InsufficientUnits, (await article6.TransferAsync("t-big", Owner, Wind, 1_001, "Switzerland", "CH registry")).LedgerStatus);

        var moved = await article6.TransferAsync("t1", Owner, Wind, 1_000, "Switzerland", "CH registry");
        Assert.True(moved.IsOk, moved.ToString());
        Assert.Equal((20L, CorrespondingAdjustment.Applied), (moved.Value!.MitigationTonnes, moved.Value.CorrespondingAdjustment));
        Assert.Equal(moved.Value, (await article6.TransferAsync("t1", Owner, Wind, 1_000, "Switzerland", "CH registry")).Value);
        Assert.True((await article6.TransferAsync("t1", Owner, Wind, 999, "Switzerland", "CH registry")).IdempotencyConflict);
        Assert.Equal((int)CancellationPurpose.InternationalTransfer, (await store.Registry.CancellationAsync(moved.Value.CertificateNumber))!.Purpose);
        Assert.Equal((int)CancellationPurpose.OverallMitigation, (await store.Registry.CancellationAsync(moved.Value.MitigationCertificateNumber!))!.Purpose);

        // Nothing of it is left at home: no domestic cancellation, no ETS offset.
        var domestic = await engine.SubmitAsync("domestic", new CancelUnits(owner, Wind, 1, CancellationPurpose.VoluntaryPublicInterest, "X", null));
        Assert.Equal(LedgerStatus.InsufficientUnits, domestic.Status);
        await compliance.RegisterAsync(Owner, Sector.Power, "Shandong");
        await compliance.RecordEmissionsAsync(Owner, 2025, 100_000);
        Assert.Equal(LedgerStatus.InsufficientUnits,
            (await compliance.SurrenderAsync("ets", Owner, new SurrenderRequest(2025, 0, null, [new OffsetLine(Wind, 1)]))).LedgerStatus);

        var year = DateTime.UtcNow.Year;
        var report = await article6.AnnualReportAsync(year, "China", SerialFormat.Default);
        var actions = report.Single(t => t.Name == "actions");
        var transfer = actions.Rows.Single(r => (string?)r[2] == "first_transfer");
        Assert.Equal(("Switzerland", "applied", 1_000L), ((string?)transfer[14], (string?)transfer[17], (long?)transfer[11]));
        Assert.Equal("CCER-SD-OW-0001-2024-21-21", transfer[4]);
        Assert.Equal(20L, actions.Rows.Where(r => (string?)r[2] == "cancellation").Sum(r => (long)r[11]!));
        Assert.Equal(0L, report.Single(t => t.Name == "holdings").Rows.Single()[5]);
        Assert.DoesNotContain((await article6.AnnualReportAsync(year - 1, "China", SerialFormat.Default)).Single(t => t.Name == "actions").Rows,
            r => (string?)r[2] == "first_transfer");
    }

    [Fact]
    public async Task units_adjusted_at_authorization_are_still_transferable_but_refused_as_offsets()
    {
        Assert.True((await article6.AuthorizeAsync(Wind, "LoA-2026-009", FirstTransfer.Authorization)).IsOk);
        await compliance.RegisterAsync(Owner, Sector.Power, "Shandong");
        await compliance.RecordEmissionsAsync(Owner, 2025, 100_000);
        Assert.Equal(ComplianceStatus.AuthorizedForInternationalUse,
            (await compliance.SurrenderAsync("ets", Owner, new SurrenderRequest(2025, 0, null, [new OffsetLine(Wind, 1)]))).Status);
        Assert.True((await article6.TransferAsync("t", Owner, Wind, 100, "Japan", "JP registry")).IsOk);
    }
}

public sealed class SqliteArticle6ServiceContract : Article6ServiceContract
{
    protected override string ConnectionString() => TestStores.NewSqliteConnectionString();
}

public sealed class PostgresArticle6ServiceContract : Article6ServiceContract
{
    protected override string ConnectionString() => TestStores.NewPostgresConnectionString();
}
