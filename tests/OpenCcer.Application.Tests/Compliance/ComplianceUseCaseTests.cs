using Microsoft.Extensions.Time.Testing;
using OpenCcer.Application.Article6;
using OpenCcer.Application.Compliance;
using OpenCcer.Core.Article6;
using OpenCcer.Core.Compliance;
using OpenCcer.Core.Lifecycle;
using OpenCcer.Core.Registry;
using OpenCcer.Storage;
using OpenCcer.Storage.Tests;

namespace OpenCcer.Application.Tests.Compliance;

/// <summary>
/// Who may do what in the national ETS link and under Article 6, on a real store: a cement plant holding CCERs,
/// a project owner beside it, the registry administrator and the regulator.
/// </summary>
public abstract class ComplianceUseCaseTests : IAsyncLifetime
{
    private const string Cement = "91110000MA01CEMT02";
    private const string Owner = "91370000MA3CSPIC01";
    private static readonly Instrument Wind = new("SD-OW-0001", 2024);
    private static readonly Caller Registry = new(Role.RegistryAdministrator, null);
    private static readonly Caller Regulator = new(Role.Regulator, null);
    private static readonly Caller Plant = new(Role.TradingParticipant, Cement);
    private static readonly Caller Neighbour = new(Role.ProjectOwner, Owner);
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));
    private LedgerStore store = null!;
    private RegistryEngine engine = null!;
    private ComplianceUseCases compliance = null!;
    private Article6UseCases article6 = null!;

    protected abstract string Provider { get; }

    public async Task InitializeAsync()
    {
        store = TestStores.New(Provider);
        engine = await RegistryEngine.StartAsync(store, time);
        compliance = new ComplianceUseCases(store,
            new ComplianceService(store, engine, ComplianceRules.Default, time, store.Compliance.OffsetBarredInstrumentsAsync), time);
        article6 = new Article6UseCases(new Article6Service(store, engine, Article6Rules.Default, time));
        var plant = (AccountOpened)(await engine.SubmitAsync("open-plant", new OpenAccount(Cement, "Jidong Cement Beijing", HolderType.KeyEmittingUnit))).Result.Event!;
        Assert.True((await engine.SubmitAsync("open-owner", new OpenAccount(Owner, "SPIC Shandong", HolderType.ProjectOwner))).Result.IsOk);
        Assert.True((await engine.SubmitAsync("issue", new IssueUnits("MR-1", Wind, 10_000, plant.RegistryAccount))).Result.IsOk);
        Assert.True((await compliance.RegisterAsync(Regulator, new ComplianceEntityRequest(Cement, "cement", "Beijing"))).IsOk);
        Assert.True((await compliance.AllocateAsync(Regulator, Cement, 2025, new AllocationRequest("cea-2025", 96_000))).IsOk);
        Assert.True((await compliance.RecordEmissionsAsync(Regulator, Cement, 2025, new VerifiedEmissionsRequest(100_000))).IsOk);
    }

    public async Task DisposeAsync()
    {
        await engine.DisposeAsync();
        await store.DisposeAsync();
    }

    private static SurrenderRequestBody Surrender(string op, long allowances, long offsets) =>
        new(op, allowances, null, offsets > 0 ? [new OffsetLineBody(Wind.ProjectCode, Wind.Vintage, offsets)] : []);

    [Fact]
    public async Task offsets_beyond_five_percent_of_the_obligation_are_refused_and_nothing_is_cancelled()
    {
        var over = await compliance.SurrenderAsync(Plant, Cement, 2025, Surrender("over", 94_999, 5_001));
        Assert.Equal(("OffsetLimitExceeded", RefusalKind.Conflict), (over.Refusal!.StatusCode, over.Refusal.Kind));
        Assert.Equal("/problems/offset-limit-exceeded", over.Refusal.Type);
        Assert.Empty(await store.Compliance.SurrenderLinesAsync(Cement, 2025));

        var atCap = await compliance.SurrenderAsync(Plant, Cement, 2025, Surrender("at-cap", 95_000, 5_000));
        Assert.True(atCap.IsOk, atCap.Refusal?.ToString());
        Assert.Equal((5_000L, 5_000L, true), (atCap.Value!.Record.OffsetsUsed, compliance.Rules.OffsetLimit(atCap.Value.Record.Obligation), atCap.Value.Record.Compliant));
        Assert.Equal(2, atCap.Value.Lines.Count);
        var retried = await compliance.SurrenderAsync(Plant, Cement, 2025, Surrender("at-cap", 95_000, 4_000));
        Assert.Equal((RefusalKind.Unprocessable, Refusals.IdempotencyConflictType), (retried.Refusal!.Kind, retried.Refusal.Type));
    }

    [Fact]
    public async Task only_the_entity_itself_or_the_registry_surrenders_for_it()
    {
        Assert.Equal(RefusalKind.Forbidden, (await compliance.SurrenderAsync(Neighbour, Cement, 2025, Surrender("n", 1, 0))).Refusal!.Kind);
        Assert.Equal(RefusalKind.Forbidden, (await compliance.SurrenderAsync(Regulator, Cement, 2025, Surrender("r", 1, 0))).Refusal!.Kind);
        Assert.Equal(RefusalKind.Forbidden, (await compliance.SurrenderAsync(Caller.Public, Cement, 2025, Surrender("p", 1, 0))).Refusal!.Kind);
        Assert.Equal(0, (await store.Registry.HoldingsAsync((await store.Registry.AccountsOfSubjectAsync(Cement)).First().Id))
            .Single(h => h.ProjectCode == Instrument.AllowanceCode).Cancelled);
        Assert.True((await compliance.SurrenderAsync(Registry, Cement, 2025, Surrender("registry", 1_000, 0))).IsOk);
        Assert.True((await compliance.SurrenderAsync(Plant, Cement, 2025, Surrender("plant", 1_000, 0))).IsOk);
        Assert.Equal("EntityNotFound", (await compliance.SurrenderAsync(Registry, "NOBODY", 2025, Surrender("x", 1, 0))).Refusal!.StatusCode);
        Assert.Equal(RefusalKind.Invalid, (await compliance.SurrenderAsync(Plant, Cement, 2025, new SurrenderRequestBody(null, -1, null, null))).Refusal!.Kind);
    }

    [Fact]
    public async Task an_entity_reads_its_own_status_and_the_registry_and_the_regulator_read_every_entity()
    {
        Assert.True((await compliance.StatusAsync(Plant, Cement, 2025)).IsOk);
        Assert.True((await compliance.StatusAsync(Registry, Cement, 2025)).IsOk);
        Assert.Equal(100_000, (await compliance.StatusAsync(Regulator, Cement, 2025)).Value!.Record.Shortfall);
        Assert.Equal(RefusalKind.Forbidden, (await compliance.StatusAsync(Neighbour, Cement, 2025)).Refusal!.Kind);
        Assert.Equal(RefusalKind.Forbidden, (await compliance.StatusAsync(Caller.Public, Cement, 2025)).Refusal!.Kind);
        Assert.Equal(RefusalKind.NotFound, (await compliance.StatusAsync(Regulator, "NOBODY", 2025)).Refusal!.Kind);

        Assert.Equal(RefusalKind.Forbidden, (await compliance.OverviewAsync(Plant, null)).Refusal!.Kind);
        var overview = (await compliance.OverviewAsync(Regulator, 2025)).Value!;
        Assert.Equal((Sector.Cement, 100_000L, 5_000L, 1), (overview.Sectors.Single().Sector, overview.Sectors.Single().Shortfall,
            overview.Sectors.Single().OffsetLimit, overview.Sectors.Single().NotCompliant));
        Assert.Equal([2025], overview.Periods);
    }

    [Fact]
    public async Task only_the_registry_and_the_regulator_run_the_ets_link()
    {
        Assert.Equal(RefusalKind.Forbidden, (await compliance.RegisterAsync(Plant, new ComplianceEntityRequest(Cement, "cement", "Beijing"))).Refusal!.Kind);
        Assert.Equal(RefusalKind.Forbidden, (await compliance.AllocateAsync(Plant, Cement, 2025, new AllocationRequest("mine", 1_000))).Refusal!.Kind);
        Assert.Equal(RefusalKind.Forbidden, (await compliance.RecordEmissionsAsync(Plant, Cement, 2026, new VerifiedEmissionsRequest(1))).Refusal!.Kind);
        Assert.Equal(RefusalKind.Forbidden, (await compliance.SetOffsetProjectAsync(Plant, Wind.ProjectCode, new OffsetProjectRequest(false, false))).Refusal!.Kind);
        Assert.Equal(RefusalKind.Forbidden, (await compliance.EntitiesAsync(Neighbour)).Refusal!.Kind);
        Assert.Equal(["sector"], (await compliance.RegisterAsync(Regulator, new ComplianceEntityRequest(Cement, "fishing", "Beijing"))).Refusal!.Errors!.Keys);
        Assert.Equal("NotKeyEmittingUnit", (await compliance.RegisterAsync(Regulator, new ComplianceEntityRequest(Owner, "power", "Shandong"))).Refusal!.StatusCode);
        Assert.True((await compliance.SetOffsetProjectAsync(Registry, Wind.ProjectCode, new OffsetProjectRequest(true, false))).IsOk);
        Assert.Equal("ProjectUnderEtsCoverage", (await compliance.SurrenderAsync(Plant, Cement, 2025, Surrender("covered", 0, 10))).Refusal!.StatusCode);
    }

    [Fact]
    public async Task only_the_registry_authorizes_units_for_international_use_and_only_the_holder_transfers_them()
    {
        var authorization = new AuthorizationRequest(Wind.ProjectCode, Wind.Vintage, "LoA-2026-001", "international_transfer");
        Assert.Equal(RefusalKind.Forbidden, (await article6.AuthorizeAsync(Regulator, authorization)).Refusal!.Kind);
        Assert.Equal(RefusalKind.Forbidden, (await article6.AuthorizeAsync(Plant, authorization)).Refusal!.Kind);
        var transfer = new InternationalTransferRequest("abroad-1", Cement, Wind.ProjectCode, Wind.Vintage, 100, "Switzerland", "CH registry");
        Assert.Equal(("NotAuthorized", RefusalKind.Conflict), ((await article6.TransferAsync(Plant, transfer)).Refusal!.StatusCode,
            (await article6.TransferAsync(Plant, transfer)).Refusal!.Kind));
        Assert.True((await article6.AuthorizeAsync(Registry, authorization)).IsOk);
        Assert.Equal("AuthorizedDifferently", (await article6.AuthorizeAsync(Registry, authorization with { Reference = "LoA-2" })).Refusal!.StatusCode);

        Assert.Equal(RefusalKind.Forbidden, (await article6.TransferAsync(Neighbour, transfer)).Refusal!.Kind);
        Assert.Equal(RefusalKind.Forbidden, (await article6.TransferAsync(Regulator, transfer)).Refusal!.Kind);
        var moved = await article6.TransferAsync(Plant, transfer);
        Assert.True(moved.IsOk, moved.Refusal?.ToString());
        Assert.Equal(2, moved.Value!.MitigationTonnes);
        Assert.Equal(Refusals.IdempotencyConflictType, (await article6.TransferAsync(Plant, transfer with { QuantityTonnes = 99 })).Refusal!.Type);
        Assert.True((await article6.TransferAsync(Registry, transfer with { OperationId = "abroad-2" })).IsOk);

        Assert.Equal(RefusalKind.Forbidden, (await article6.ReportAsync(Plant, 2026, "China", SerialFormat.Default, null, null)).Refusal!.Kind);
        Assert.Equal(["year"], (await article6.ReportAsync(Regulator, 1999, "China", SerialFormat.Default, null, null)).Refusal!.Errors!.Keys);
        var csv = await article6.ReportAsync(Regulator, 2026, "China", SerialFormat.Default, "csv", "authorizations");
        Assert.Equal("article6-aef-2026-authorizations.csv", csv.Value!.FileName);
        Assert.Equal(["table"], (await article6.ReportAsync(Registry, 2026, "China", SerialFormat.Default, "csv", "nothing")).Refusal!.Errors!.Keys);
    }
}

public sealed class SqliteComplianceUseCaseTests : ComplianceUseCaseTests
{
    protected override string Provider => "sqlite";
}

public sealed class PostgresComplianceUseCaseTests : ComplianceUseCaseTests
{
    protected override string Provider => "postgresql";
}
