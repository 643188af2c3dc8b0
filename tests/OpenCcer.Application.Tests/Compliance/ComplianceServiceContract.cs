using OpenCcer.Application.Compliance;
using OpenCcer.Core.Compliance;
using OpenCcer.Core.Registry;
using OpenCcer.Storage;
using OpenCcer.Storage.Compliance;
using OpenCcer.Storage.Tests;

namespace OpenCcer.Application.Tests.Compliance;

/// <summary>
/// The national ETS link on every store: a cement plant through a compliance period. Its CCERs come from a
/// project owner the way a trade settles (registry → trading, reserve, settle, trading → registry).
/// </summary>
public abstract class ComplianceServiceContract : IAsyncLifetime
{
    private const string Cement = "91110000MA01CEMT02";
    private const string Owner = "91370000MA3CSPIC01";
    private static readonly Instrument Wind = new("SD-OW-0001", 2024);
    private LedgerStore store = null!;
    private RegistryEngine engine = null!;
    private ComplianceService compliance = null!;
    private readonly FixedTime time = new(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));

    protected abstract string ConnectionString();

    public async Task InitializeAsync()
    {
        store = LedgerStore.Open(ConnectionString());
        engine = await RegistryEngine.StartAsync(store, time);
        compliance = new ComplianceService(store, engine, ComplianceRules.Default, time, store.Compliance.OffsetBarredInstrumentsAsync);
    }

    public async Task DisposeAsync()
    {
        await engine.DisposeAsync();
        await store.DisposeAsync();
    }

    private async Task<LedgerEvent> Ok(string id, LedgerCommand command)
    {
        var s = await engine.SubmitAsync(id, command);
        Assert.True(s.Result.IsOk, $"{id}: {s.Status}");
        return s.Result.Event!;
    }

    /// <summary>Opens the plant and a project owner, issues CCERs and moves <paramref name="bought"/> to the plant as a settled trade would.</summary>
    private async Task<(AccountId Plant, AccountId Owner)> SetUpAsync(long bought)
    {
        var plant = (AccountOpened)await Ok("open-plant", new OpenAccount(Cement, "Jidong Cement Beijing", HolderType.KeyEmittingUnit));
        var owner = (AccountOpened)await Ok("open-owner", new OpenAccount(Owner, "SPIC Shandong", HolderType.ProjectOwner));
        await Ok("issue", new IssueUnits("SD-OW-0001-MR-2024", Wind, 50_000, owner.RegistryAccount));
        await Ok("to-trading", new TransferUnits(owner.RegistryAccount, owner.TradingAccount, Wind, bought, TransferReason.ToTrading, null));
        var sell = (UnitsReserved)await Ok("sell-order", new ReserveUnits(owner.TradingAccount, Wind, bought, "sell order"));
        await Ok("settle", new SettleReservation(sell.Reservation, plant.TradingAccount, bought));
        await Ok("to-registry", new TransferUnits(plant.TradingAccount, plant.RegistryAccount, Wind, bought, TransferReason.FromTrading, null));
        return (plant.RegistryAccount, owner.RegistryAccount);
    }

    private static SurrenderRequest Request(long allowances, long offsets) =>
        new(2025, allowances, null, offsets > 0 ? [new OffsetLine(Wind, offsets)] : []);

    [Fact]
    public async Task a_cement_plant_goes_through_a_compliance_period_and_ends_compliant()
    {
        var (plant, _) = await SetUpAsync(6_000);
        Assert.True((await compliance.RegisterAsync(Cement, Sector.Cement, "Beijing")).IsOk);
        Assert.True((await compliance.AllocateAsync("alloc-2025", Cement, 2025, 96_000)).IsOk);
        var verified = await compliance.RecordEmissionsAsync(Cement, 2025, 100_000);
        Assert.Equal(100_000, verified.Value!.Obligation);
        Assert.Equal(96_000, verified.Value.Allocated);
        Assert.Equal(100_000, verified.Value.Shortfall);

        var over = await compliance.SurrenderAsync("surrender-over", Cement, Request(94_999, 5_001));
        Assert.Equal(ComplianceStatus.OffsetLimitExceeded, over.Status);
        Assert.Equal(6_000, (await store.Registry.HoldingsAsync(plant.Value)).Single(h => h.ProjectCode == Wind.ProjectCode).Available);

        var accepted = await compliance.SurrenderAsync("surrender-1", Cement, Request(95_000, 5_000));
        Assert.True(accepted.IsOk, accepted.ToString());
        var record = await compliance.RecordAsync(Cement, 2025);
        Assert.Equal((95_000L, 5_000L, 0L, true), (record.SurrenderedAllowances, record.OffsetsUsed, record.Shortfall, record.Compliant));

        var offsetLine = accepted.Value!.Single(l => l.UnitClass == UnitClass.Ccer);
        var cancellation = await store.Registry.CancellationAsync(offsetLine.CertificateNumber);
        Assert.Equal((int)CancellationPurpose.NationalEtsOffset, cancellation!.Purpose);
        Assert.Equal(5_000, cancellation.Quantity);
        Assert.Contains("national ETS compliance period 2025", cancellation.Beneficiary, StringComparison.Ordinal);
        Assert.Equal(offsetLine, await store.Compliance.SurrenderLineAsync(offsetLine.CertificateNumber));
        var allowanceLine = accepted.Value!.Single(l => l.UnitClass == UnitClass.Allowance);
        Assert.Equal((int)CancellationPurpose.AllowanceSurrender, (await store.Registry.CancellationAsync(allowanceLine.CertificateNumber))!.Purpose);
        Assert.NotNull(await store.Compliance.CancellationJournalAsync(offsetLine.CertificateNumber));
        var totals = await store.Registry.TotalsAsync();
        Assert.Equal((50_000L, 5_000L), (totals.IssuedTonnes, totals.CancelledTonnes));

        var holdings = await store.Registry.HoldingsAsync(plant.Value);
        Assert.Equal(1_000, holdings.Single(h => h.ProjectCode == Wind.ProjectCode).Available);
        Assert.Equal(1_000, holdings.Single(h => h.ProjectCode == Instrument.AllowanceCode).Available);

        // A retry answers with the same lines and cancels nothing more; anything further exceeds the obligation.
        var again = await compliance.SurrenderAsync("surrender-1", Cement, Request(95_000, 5_000));
        Assert.Equal(accepted.Value, again.Value);
        Assert.True((await compliance.SurrenderAsync("surrender-1", Cement, Request(95_000, 4_000))).IdempotencyConflict);
        Assert.Equal(ComplianceStatus.SurrenderExceedsObligation, (await compliance.SurrenderAsync("surrender-2", Cement, Request(1, 0))).Status);
        Assert.Equal(1_000, (await store.Registry.HoldingsAsync(plant.Value)).Single(h => h.ProjectCode == Instrument.AllowanceCode).Available);
    }

    [Fact]
    public async Task ccers_of_a_covered_project_and_units_not_held_are_refused_before_anything_is_cancelled()
    {
        var (plant, _) = await SetUpAsync(1_000);
        await compliance.RegisterAsync(Cement, Sector.Cement, "Beijing");
        await compliance.AllocateAsync("alloc", Cement, 2025, 10_000);
        await compliance.RecordEmissionsAsync(Cement, 2025, 40_000);
        await store.Compliance.SetOffsetProjectAsync(new OffsetProject(Wind.ProjectCode, UnderEtsCoverage: true, Legacy: false), "2026-03-02");
        Assert.Equal(ComplianceStatus.ProjectUnderEtsCoverage, (await compliance.SurrenderAsync("s1", Cement, Request(10_000, 500))).Status);
        await store.Compliance.SetOffsetProjectAsync(new OffsetProject(Wind.ProjectCode, UnderEtsCoverage: false, Legacy: false), "2026-03-02");
        var short_ = await compliance.SurrenderAsync("s2", Cement, Request(10_000, 1_500));
        Assert.Equal(LedgerStatus.InsufficientUnits, short_.LedgerStatus);
        Assert.Equal(10_000, (await store.Registry.HoldingsAsync(plant.Value)).Single(h => h.ProjectCode == Instrument.AllowanceCode).Available);
        Assert.Empty(await store.Compliance.SurrenderLinesAsync(Cement, 2025));
        var record = await compliance.RecordAsync(Cement, 2025);
        Assert.Equal(40_000, record.Shortfall);
    }

    [Fact]
    public async Task only_key_emitting_units_register_and_emissions_are_verified_once()
    {
        await SetUpAsync(1);
        Assert.Equal(ComplianceStatus.NotKeyEmittingUnit, (await compliance.RegisterAsync(Owner, Sector.Power, "Shandong")).Status);
        Assert.Equal(LedgerStatus.AccountNotFound, (await compliance.RegisterAsync("NOBODY", Sector.Power, "Shandong")).LedgerStatus);
        Assert.Equal(ComplianceStatus.EntityNotFound, (await compliance.RecordEmissionsAsync(Cement, 2025, 1)).Status);
        Assert.True((await compliance.RegisterAsync(Cement, Sector.Cement, "Beijing")).IsOk);
        Assert.True((await compliance.RegisterAsync(Cement, Sector.Cement, "Beijing")).IsOk);
        Assert.Equal(ComplianceStatus.EntityExists, (await compliance.RegisterAsync(Cement, Sector.Steel, "Beijing")).Status);
        Assert.True((await compliance.RecordEmissionsAsync(Cement, 2025, 10)).IsOk);
        Assert.True((await compliance.RecordEmissionsAsync(Cement, 2025, 10)).IsOk);
        Assert.Equal(ComplianceStatus.EmissionsAlreadyVerified, (await compliance.RecordEmissionsAsync(Cement, 2025, 11)).Status);
        Assert.Equal(Sector.Cement, (await store.Compliance.ComplianceEntitiesAsync()).Single().Sector);
    }

    [Fact]
    public async Task units_adjusted_from_their_authorization_for_international_use_are_refused_as_offsets()
    {
        await SetUpAsync(1_000);
        await compliance.RegisterAsync(Cement, Sector.Cement, "Beijing");
        await compliance.RecordEmissionsAsync(Cement, 2025, 40_000);
        var later = new Core.Article6.Authorization(new Instrument(Wind.ProjectCode, 2025), "A6-LOA-1", Core.Article6.FirstTransfer.InternationalTransfer, "2026-03-02");
        Assert.True(await store.Compliance.AddAuthorizationAsync(later));
        Assert.True((await compliance.SurrenderAsync("s0", Cement, Request(0, 10))).IsOk);
        Assert.True(await store.Compliance.AddAuthorizationAsync(new Core.Article6.Authorization(Wind, "A6-LOA-2", Core.Article6.FirstTransfer.Authorization, "2026-03-02")));
        Assert.False(await store.Compliance.AddAuthorizationAsync(new Core.Article6.Authorization(Wind, "A6-LOA-3", Core.Article6.FirstTransfer.Issuance, "2026-03-02")));
        Assert.Equal(ComplianceStatus.AuthorizedForInternationalUse, (await compliance.SurrenderAsync("s1", Cement, Request(0, 10))).Status);
        Assert.Equal(2, (await store.Compliance.AuthorizationsAsync()).Count);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

public sealed class SqliteComplianceServiceContract : ComplianceServiceContract
{
    protected override string ConnectionString() => TestStores.NewSqliteConnectionString();
}

public sealed class PostgresComplianceServiceContract : ComplianceServiceContract
{
    protected override string ConnectionString() => TestStores.NewPostgresConnectionString();
}
