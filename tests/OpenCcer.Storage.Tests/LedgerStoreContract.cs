using OpenCcer.Core.Registry;
using OpenCcer.Core.Tests.Registry;
using OpenCcer.Storage;
using OpenCcer.Storage.Journal;

namespace OpenCcer.Storage.Tests;

/// <summary>The behaviour every store must have. Each provider runs it against a real database.</summary>
public abstract class LedgerStoreContract : IAsyncLifetime
{
    private static readonly Instrument Wind = new("SD-OW-0001", 2024);
    private readonly TimeProvider time = TimeProvider.System;
    private LedgerStore store = null!;
    private RegistryEngine engine = null!;

    protected abstract string ConnectionString();

    public async Task InitializeAsync()
    {
        store = LedgerStore.Open(ConnectionString());
        engine = await RegistryEngine.StartAsync(store, time);
    }

    public async Task DisposeAsync()
    {
        await engine.DisposeAsync();
        await store.DisposeAsync();
    }

    private async Task<LedgerEvent> Ok(string id, LedgerCommand command)
    {
        var s = await engine.SubmitAsync(id, command);
        Assert.True(s.Result.IsOk && !s.IdempotencyConflict, $"{command}: {s.Status}");
        return s.Result.Event!;
    }

    private async Task<(AccountId Registry, AccountId Trading)> OpenAsync(string subject)
    {
        var e = (AccountOpened)await Ok("open-" + subject, new OpenAccount(subject, "Subject " + subject, HolderType.ProjectOwner));
        return (e.RegistryAccount, e.TradingAccount);
    }

    private async Task<RegistryEngine> RestartAsync()
    {
        await engine.DisposeAsync();
        engine = await RegistryEngine.StartAsync(store, time);
        return engine;
    }

    [Fact]
    public async Task a_store_that_recorded_nothing_has_no_last_instant() => Assert.Null(await store.LastRecordedInstantAsync());

    [Fact]
    public async Task an_accounts_cancellations_are_listed_newest_first_without_other_accounts()
    {
        var (first, _) = await OpenAsync("C1");
        var (second, _) = await OpenAsync("C2");
        await Ok("issue-c1", new IssueUnits("MR-C1", Wind, 100, first));
        await Ok("issue-c2", new IssueUnits("MR-C2", Wind, 100, second));
        var older = (UnitsCancelled)await Ok("cancel-c1-a", new CancelUnits(first, Wind, 10, CancellationPurpose.CorporateOffset, "A", null));
        await Ok("cancel-c2", new CancelUnits(second, Wind, 5, CancellationPurpose.CorporateOffset, "B", null));
        var newer = (UnitsCancelled)await Ok("cancel-c1-b", new CancelUnits(first, Wind, 20, CancellationPurpose.CorporateOffset, "C", null));
        var listed = await store.Registry.CancellationsOfAccountAsync(first.Value, 10);
        Assert.Equal([newer.CertificateNumber, older.CertificateNumber], listed.Select(c => c.CertificateNumber));
        Assert.All(listed, c => Assert.Equal(first.Value, c.AccountId));
        Assert.Equal([newer.CertificateNumber], (await store.Registry.CancellationsOfAccountAsync(first.Value, 1)).Select(c => c.CertificateNumber));
    }

    [Fact]
    public async Task committed_operations_survive_a_restart_and_verify()
    {
        var (registry, trading) = await OpenAsync("S1");
        await Ok("issue", new IssueUnits("MR-1", Wind, 1_000, registry));
        await Ok("move", new TransferUnits(registry, trading, Wind, 300, TransferReason.ToTrading, null));
        await Ok("cancel", new CancelUnits(registry, Wind, 100, CancellationPurpose.CorporateOffset, "Acme 2024", null));
        await RestartAsync();
        Assert.Equal(4, engine.Sequence);
        var holdings = await store.Registry.HoldingsAsync(registry.Value);
        Assert.Equal(600, Assert.Single(holdings).Available);
        var blocks = await store.Registry.BlocksAsync(trading.Value);
        Assert.Equal((701L, 1000L), (Assert.Single(blocks).First, blocks[0].Last));
        var report = await JournalVerifier.VerifyAsync(store);
        Assert.True(report.IsSound, string.Join("\n", report.Problems));
        Assert.Equal(4, report.JournalRows);
    }

    [Fact]
    public async Task the_same_operation_id_with_the_same_body_returns_the_first_result()
    {
        var (registry, _) = await OpenAsync("S1");
        var first = await engine.SubmitAsync("op-1", new IssueUnits("MR-1", Wind, 500, registry));
        await RestartAsync();
        var again = await engine.SubmitAsync("op-1", new IssueUnits("MR-1", Wind, 500, registry));
        Assert.True(again.Replayed);
        Assert.Equal(first.Sequence, again.Sequence);
        Assert.Equal(first.Result.Event, again.Result.Event);
        var other = await engine.SubmitAsync("op-1", new IssueUnits("MR-1", Wind, 501, registry));
        Assert.True(other.IdempotencyConflict);
        Assert.Equal(2, engine.Sequence);
    }

    [Fact]
    public async Task duplicates_inside_one_batch_are_applied_once()
    {
        var (registry, trading) = await OpenAsync("S1");
        await Ok("issue", new IssueUnits("MR-1", Wind, 100, registry));
        var move = new TransferUnits(registry, trading, Wind, 10, TransferReason.ToTrading, null);
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => engine.SubmitAsync("same-move", move)));
        Assert.All(results, r => Assert.True(r.Result.IsOk));
        Assert.Single(results, r => !r.Replayed);
        Assert.Equal(90, (await store.Registry.HoldingsAsync(registry.Value)).Single().Available);
    }

    [Fact]
    public async Task a_refused_operation_writes_nothing()
    {
        var (registry, trading) = await OpenAsync("S1");
        var s = await engine.SubmitAsync("too-much", new TransferUnits(registry, trading, Wind, 1, TransferReason.ToTrading, null));
        Assert.Equal(LedgerStatus.InsufficientUnits, s.Status);
        Assert.Equal(1, engine.Sequence);
        Assert.Empty(await store.Registry.HoldingsAsync(registry.Value));
    }

    [Fact]
    public async Task random_operations_through_the_store_reproduce_the_pure_ledger()
    {
        var simulation = new LedgerSimulation(seed: 20251203);
        for (var i = 0; i < 800; i++) simulation.Step(DateTimeOffset.UnixEpoch);
        var expected = new Ledger();
        var n = 0;
        foreach (var e in simulation.Events)
        {
            var s = await engine.SubmitAsync($"sim-{n++}", ToCommand(e)!);
            Assert.True(s.Result.IsOk, $"{e}: {s.Status}");
            expected.Apply(s.Result.Event!);
        }
        var report = await JournalVerifier.VerifyAsync(store);
        Assert.True(report.IsSound, string.Join("\n", report.Problems));
        Assert.Equal(expected.StateHash(), report.StateHash);
        Assert.Equal(simulation.Events.Count, report.JournalRows);
    }

    [Fact]
    public async Task concurrent_clients_on_the_same_accounts_leave_a_sound_store()
    {
        var (registry, trading) = await OpenAsync("S1");
        await Ok("issue", new IssueUnits("MR-1", Wind, 10_000, registry));
        var accepted = 0;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async worker =>
        {
            for (var i = 0; i < 100; i++)
            {
                LedgerCommand command = (worker + i) % 2 == 0
                    ? new TransferUnits(registry, trading, Wind, 1 + i % 7, TransferReason.ToTrading, null)
                    : new TransferUnits(trading, registry, Wind, 1 + i % 5, TransferReason.FromTrading, null);
                var s = await engine.SubmitAsync($"w{worker}-{i}", command);
                if (s.Result.IsOk) Interlocked.Increment(ref accepted);
            }
        }));
        Assert.True(accepted > 400);
        Assert.Equal(2 + accepted, engine.Sequence);
        var report = await JournalVerifier.VerifyAsync(store);
        Assert.True(report.IsSound, string.Join("\n", report.Problems));
        var holdings = (await store.Registry.HoldingsAsync(registry.Value)).Concat(await store.Registry.HoldingsAsync(trading.Value));
        Assert.Equal(10_000, holdings.Sum(h => h.Available));
    }

    /// <summary>The command that reproduces an event on a ledger with the same history.</summary>
    private static LedgerCommand? ToCommand(LedgerEvent e) => e switch
    {
        AccountOpened x => new OpenAccount(x.SubjectId, x.SubjectName, x.HolderType),
        AccountStateChanged x => new ChangeAccountState(x.RegistryAccount, x.State, x.Reason),
        AccountFrozen x => new FreezeAccount(x.Account, x.AuthorityReference),
        AccountUnfrozen x => new UnfreezeAccount(x.Account, x.AuthorityReference),
        UnitsIssued x => new IssueUnits(x.Reference, x.Instrument, x.Last - x.First + 1, x.Account),
        UnitsTransferred x => new TransferUnits(x.From, x.To, x.Instrument, x.Ranges.Sum(r => r.Count), x.Reason, x.AuthorityReference),
        UnitsReserved x => new ReserveUnits(x.Account, x.Instrument, x.Ranges.Sum(r => r.Count), x.Purpose),
        ReservationReleased x => new ReleaseReservation(x.Reservation, x.Ranges.Sum(r => r.Count)),
        ReservationSettled x => new SettleReservation(x.Reservation, x.To, x.Ranges.Sum(r => r.Count)),
        UnitsCancelled x => new CancelUnits(x.Account, x.Instrument, x.Ranges.Sum(r => r.Count), x.Purpose, x.Beneficiary, x.Reservation),
        UnitsFrozen x => x.Ranges.Count == 1
            ? new FreezeUnits(x.Account, x.Instrument, null, x.Ranges[0].First, x.Ranges[0].Last, x.AuthorityReference)
            : new FreezeUnits(x.Account, x.Instrument, x.Ranges.Sum(r => r.Count), null, null, x.AuthorityReference),
        UnitsUnfrozen x => new UnfreezeUnits(x.Freeze, x.AuthorityReference),
        _ => null,
    };

    [Fact]
    public async Task the_demo_seed_verifies_and_seeding_again_changes_nothing()
    {
        var applied = await DemoSeed.RunAsync(engine);
        Assert.True(applied > 20);
        var rows = engine.Sequence;
        Assert.Equal(0, await DemoSeed.RunAsync(engine));
        Assert.Equal(rows, engine.Sequence);
        var report = await JournalVerifier.VerifyAsync(store);
        Assert.True(report.IsSound, string.Join("\n", report.Problems));
        var totals = await store.Registry.TotalsAsync();
        Assert.Equal(totals.IssuedTonnes, totals.HeldTonnes + totals.InTradingTonnes + totals.ReservedTonnes + totals.FrozenTonnes + totals.CancelledTonnes);
        Assert.Equal(6_200, totals.CancelledTonnes);
        Assert.NotNull(await store.People.FindApiKeyAsync(DemoSeed.HashKey("ccer-demo-registry-admin")));
    }

    [Fact]
    public async Task the_demo_seed_has_projects_in_every_lifecycle_state_and_an_issued_reduction()
    {
        await DemoSeed.RunAsync(engine);
        var projects = await store.Lifecycle.ProjectsAsync(null, null, null, LedgerStore.PageSizeMax, 0);
        foreach (var phase in Enum.GetValues<Core.Lifecycle.ProjectPhase>())
            Assert.Contains(projects, p => p.State.Phase == phase);
        var issued = Assert.Single(await store.Lifecycle.ReductionsAsync("issued", 10, 0));
        Assert.Single(await store.Lifecycle.ReductionsAsync("issued", 10, 0, methodology: "CCER-01-001-V01", province: "Qinghai"));
        Assert.Empty(await store.Lifecycle.ReductionsAsync("issued", 10, 0, methodology: "CCER-01-002-V01"));
        Assert.Equal(2, (await store.Lifecycle.ReductionsAsync(null, 10, 0)).Count);
        var qinghai = projects.Single(p => p.Code == "QH-ST-0005");
        Assert.Equal(qinghai.State.Id, issued.State.Project);
        var units = await store.Registry.IssuancesAsync("QH-ST-0005", 100, 0);
        Assert.Contains(units, i => i.Vintage == 2026 && i.Last - i.First + 1 == 29_850);
        Assert.Equal(projects.Count, (await DemoSeed.RunAsync(engine)) + projects.Count);
    }

    [Theory]
    [InlineData("UPDATE journal SET event = replace(event, '1000', '1001') WHERE seq = 2", "hash does not match")]
    [InlineData("UPDATE journal SET recorded_at = '2020-01-01T00:00:00.0000000+00:00' WHERE seq = 3", "hash does not match")]
    [InlineData("DELETE FROM journal WHERE seq = 3", "previous hash")]
    [InlineData("UPDATE holdings SET available = available + 1", "Projection holdings")]
    [InlineData("UPDATE blocks SET last_serial = last_serial - 1 WHERE id = 1", "Projection blocks")]
    [InlineData("UPDATE accounts SET state = 2 WHERE id = 1", "Projection accounts")]
    [InlineData("DELETE FROM cancellations", "Projection cancellations")]
    [InlineData("UPDATE issuances SET reference = 'forged' WHERE id = 1", "Projection issuances")]
    public async Task verify_fails_after_a_row_is_altered_by_hand(string tamper, string expected)
    {
        var (registry, trading) = await OpenAsync("S1");
        await Ok("issue", new IssueUnits("MR-1", Wind, 1000, registry));
        await Ok("move", new TransferUnits(registry, trading, Wind, 300, TransferReason.ToTrading, null));
        await Ok("cancel", new CancelUnits(registry, Wind, 100, CancellationPurpose.CorporateOffset, "Acme", null));
        Assert.True((await JournalVerifier.VerifyAsync(store)).IsSound);
        Assert.True(await store.ExecuteAsync(tamper) > 0);
        var report = await JournalVerifier.VerifyAsync(store);
        Assert.False(report.IsSound);
        Assert.Contains(report.Problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task an_engine_refuses_to_start_on_a_broken_chain()
    {
        var (registry, _) = await OpenAsync("S1");
        await Ok("issue", new IssueUnits("MR-1", Wind, 1000, registry));
        await engine.DisposeAsync();
        await store.ExecuteAsync("UPDATE journal SET event = replace(event, '1000', '1001') WHERE seq = 2");
        await Assert.ThrowsAsync<LedgerCorruptException>(() => RegistryEngine.StartAsync(store, time));
    }

    [Fact]
    public async Task a_failed_commit_is_refused_whole_and_the_engine_recovers_from_the_store()
    {
        var (registry, trading) = await OpenAsync("S1");
        await Ok("issue", new IssueUnits("MR-1", Wind, 1_000, registry));
        // Break the store under the engine: the next batch cannot write its projections.
        await store.ExecuteAsync("DROP TABLE holdings");
        var move = new TransferUnits(registry, trading, Wind, 300, TransferReason.ToTrading, null);
        await Assert.ThrowsAsync<StoreUnavailableException>(() => engine.SubmitAsync("move", move));
        Assert.Equal(2, engine.Sequence);
        await store.InitializeAsync();
        await store.ExecuteAsync("INSERT INTO holdings (account_id, project_code, vintage, available, reserved, frozen, cancelled) " +
            $"VALUES ({registry.Value}, 'SD-OW-0001', 2024, 1000, 0, 0, 0)");
        // The retry under the same id is applied once, from the state the store really holds.
        var retried = await engine.SubmitAsync("move", move);
        Assert.True(retried.Result.IsOk && !retried.Replayed);
        Assert.Equal(3, engine.Sequence);
        var report = await JournalVerifier.VerifyAsync(store);
        Assert.True(report.IsSound, string.Join("\n", report.Problems));
    }

    [Fact]
    public async Task journal_rows_chain_their_hashes()
    {
        var (registry, _) = await OpenAsync("S1");
        await Ok("issue", new IssueUnits("MR-1", Wind, 10, registry));
        var rows = await store.JournalPageAsync(0, 10);
        Assert.Equal(JournalHash.Genesis, rows[0].PreviousHash);
        Assert.Equal(rows[0].Hash, rows[1].PreviousHash);
        Assert.All(rows, r => Assert.True(JournalHash.IsValid(r)));
        Assert.Equal("units_issued", rows[1].Kind);
    }
}

public sealed class SqliteLedgerStoreContract : LedgerStoreContract
{
    private readonly string connectionString = TestStores.NewSqliteConnectionString();

    protected override string ConnectionString() => connectionString;
}

public sealed class PostgresLedgerStoreContract : LedgerStoreContract
{
    private readonly string connectionString = TestStores.NewPostgresConnectionString();

    protected override string ConnectionString() => connectionString;
}
