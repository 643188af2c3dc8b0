using System.Text.Json;
using OpenCcer.Application.Registry;
using OpenCcer.Core.Lifecycle;
using OpenCcer.Core.Registry;
using OpenCcer.Storage;
using OpenCcer.Storage.Tests;

namespace OpenCcer.Application.Tests.Registry;

/// <summary>
/// The registry's rules of who may do what, at the application layer, against a real SQLite store and the
/// registry's writer: each refusal leaves the journal as it was.
/// </summary>
public sealed class RegistryHandlerTests : IAsyncLifetime
{
    private const string SubjectA = "91110000REGAPP0A1";
    private const string SubjectB = "91110000REGAPP0B2";
    private static readonly Caller Admin = new(Role.RegistryAdministrator, null);
    private static readonly Caller OwnerA = new(Role.TradingParticipant, SubjectA);
    private static readonly Caller OwnerB = new(Role.TradingParticipant, SubjectB);
    private static readonly Caller Exchange = new(Role.ExchangeOperator, null);

    private RegistryEngine engine = null!;
    private long registryA;
    private long tradingA;
    private long registryB;

    private AccountHandlers Accounts => new(engine);
    private UnitHandlers Units => new(engine);
    private ReservationHandlers Reservations => new(engine);

    public async Task InitializeAsync()
    {
        engine = await RegistryEngine.StartAsync(TestStores.New("sqlite"), TimeProvider.System);
        var a = Ok(await Accounts.OpenAsync(Admin, new OpenAccountRequest("open-a", SubjectA, "Subject A", "other_trading_subject"), default));
        var b = Ok(await Accounts.OpenAsync(Admin, new OpenAccountRequest("open-b", SubjectB, "Subject B", "other_trading_subject"), default));
        (registryA, tradingA, registryB) = (a.Event.RegistryAccount!.Value, a.Event.TradingAccount!.Value, b.Event.RegistryAccount!.Value);
        Ok(await Units.IssueAsync(Admin, new IssueRequest("issue-a", "R-A", "T-APP", 2025, 1_000, registryA), default));
    }

    public async Task DisposeAsync()
    {
        await engine.DisposeAsync();
        await engine.Store.DisposeAsync();
    }

    private static T Ok<T>(Outcome<T> outcome)
    {
        Assert.True(outcome.IsOk, outcome.Refusal?.ToString());
        return outcome.Value!;
    }

    private static Refusal Refused<T>(Outcome<T> outcome, RefusalKind kind, string type)
    {
        Assert.False(outcome.IsOk);
        Assert.Equal(kind, outcome.Refusal!.Kind);
        Assert.Equal(type, outcome.Refusal.Type);
        return outcome.Refusal;
    }

    private TransferRequest Move(string op, long from, long to, string reason = "to_trading", long quantity = 10) =>
        new(op, from, to, "T-APP", 2025, quantity, reason, null);

    [Fact]
    public async Task an_owner_moves_units_to_trading_and_the_answer_is_a_view_of_the_change()
    {
        var moved = Ok(await Units.TransferAsync(OwnerA, Move("t-own", registryA, tradingA), default));
        Assert.Equal("units_transferred", moved.Event.Type);
        Assert.Equal(registryA, moved.Event.From);
        Assert.Equal(tradingA, moved.Event.To);
        Assert.Equal(10, moved.Event.QuantityTonnes);
        Assert.False(moved.Replayed);
        Assert.Equal(engine.Sequence, moved.Sequence);
    }

    [Fact]
    public async Task a_transfer_by_inheritance_is_refused_to_anyone_but_the_registry_administrator()
    {
        var before = engine.Sequence;
        var refusal = Refused(await Units.TransferAsync(OwnerA, Move("t-legal", registryA, registryB, "inheritance"), default),
            RefusalKind.Forbidden, "/problems/forbidden");
        Assert.Contains("registry administrator", refusal.Detail, StringComparison.Ordinal);
        Assert.Equal(before, engine.Sequence);
    }

    [Fact]
    public async Task a_transfer_from_another_subjects_account_is_refused_and_writes_nothing()
    {
        var before = engine.Sequence;
        var holdingsBefore = await engine.Store.Registry.HoldingsAsync(registryA);
        var refusal = Refused(await Units.TransferAsync(OwnerB, Move("t-theft", registryA, tradingA), default),
            RefusalKind.Forbidden, "/problems/forbidden");
        Assert.Equal("This account belongs to another subject.", refusal.Detail);
        Assert.Equal(before, engine.Sequence);
        Assert.Equal(holdingsBefore, await engine.Store.Registry.HoldingsAsync(registryA));
        await foreach (var entry in engine.Store.ReadJournalAsync()) Assert.NotEqual("t-theft", entry.OperationId);
    }

    [Fact]
    public async Task ownership_is_decided_on_the_writers_live_ledger()
    {
        // An account the writer does not know is refused as not found, before the ledger would refuse the transfer.
        Refused(await Units.TransferAsync(OwnerA, Move("t-none", 999_999, tradingA), default), RefusalKind.NotFound, "/problems/account-not-found");
        // An account opened a moment ago is known to the guard (its subject acts on it), and the ledger decides the rest.
        var subjectC = new Caller(Role.TradingParticipant, "91110000REGAPP0C3");
        var opened = Ok(await Accounts.OpenAsync(Admin, new OpenAccountRequest("open-c", subjectC.SubjectId, "Subject C", "other_trading_subject"), default));
        var empty = await Units.TransferAsync(subjectC, Move("t-c", opened.Event.RegistryAccount!.Value, opened.Event.TradingAccount!.Value), default);
        Assert.Equal(RefusalKind.Conflict, empty.Refusal!.Kind);
    }

    [Fact]
    public async Task a_retry_is_replayed_to_the_owner_a_different_body_is_a_conflict_and_another_subject_is_refused()
    {
        var first = Ok(await Units.TransferAsync(OwnerA, Move("t-idem", registryA, tradingA), default));
        var again = Ok(await Units.TransferAsync(OwnerA, Move("t-idem", registryA, tradingA), default));
        Assert.True(again.Replayed);
        Assert.Equal(first.Sequence, again.Sequence);
        Assert.Equal(JsonSerializer.Serialize(first.Event), JsonSerializer.Serialize(again.Event));
        Refused(await Units.TransferAsync(OwnerA, Move("t-idem", registryA, tradingA, quantity: 11), default),
            RefusalKind.Unprocessable, "/problems/idempotency-conflict");
        Refused(await Units.TransferAsync(OwnerB, Move("t-idem", registryA, tradingA), default), RefusalKind.Forbidden, "/problems/forbidden");
    }

    [Fact]
    public async Task a_reservation_with_the_exchanges_purpose_is_refused()
    {
        var before = engine.Sequence;
        var refusal = Refused(await Reservations.ReserveAsync(OwnerA, new ReserveRequest("r-ex", registryA, "T-APP", 2025, 5, "exchange listing 7"), default),
            RefusalKind.Invalid, "/problems/invalid-input");
        Assert.True(refusal.Errors!.ContainsKey("purpose"));
        Assert.Equal(before, engine.Sequence);
    }

    [Fact]
    public async Task a_person_changes_account_states_and_cancels_only_through_maker_checker()
    {
        var before = engine.Sequence;
        Refused(await Accounts.ChangeStateAsync(Admin, isPerson: true, registryA, new AccountStateRequest("s-1", "restricted", "Overdue fee"), default),
            RefusalKind.Forbidden, "/problems/maker-checker-required");
        Refused(await Units.CancelAsync(OwnerA, isPerson: true,
            new CancelRequest("c-person", registryA, "T-APP", 2025, 5, "voluntary_public_interest", "A Co.", null), default),
            RefusalKind.Forbidden, "/problems/maker-checker-required");
        Assert.Equal(before, engine.Sequence);
        Ok(await Accounts.ChangeStateAsync(Admin, isPerson: false, registryA, new AccountStateRequest("s-2", "restricted", "Overdue fee"), default));
    }

    [Fact]
    public async Task a_forced_cancellation_is_refused_to_anyone_but_the_registry_administrator()
    {
        var before = engine.Sequence;
        var forced = new CancelRequest("c-forced", registryA, "T-APP", 2025, 5, "forced", "Court", null);
        var refusal = Refused(await Units.CancelAsync(OwnerA, isPerson: false, forced, default), RefusalKind.Forbidden, "/problems/forbidden");
        Assert.Equal("Forced and judicial cancellations are the registry's.", refusal.Detail);
        Assert.Equal(before, engine.Sequence);
        Assert.NotNull(Ok(await Units.CancelAsync(Admin, isPerson: false, forced, default)).Event.CertificateNumber);
    }

    [Fact]
    public async Task a_reservation_the_exchange_holds_is_released_by_the_exchange_alone()
    {
        Ok(await Units.TransferAsync(OwnerA, Move("t-ex", registryA, tradingA), default));
        var held = await engine.SubmitAsync("ex-reserve", new ReserveUnits(new AccountId(tradingA), new Instrument("T-APP", 2025), 5, "exchange listing 7"));
        var reservation = ((UnitsReserved)held.Result.Event!).Reservation.Value;
        var before = engine.Sequence;
        Refused(await Reservations.ReleaseAsync(Exchange, reservation, new ReleaseRequest("rel-ex", null), default),
            RefusalKind.Conflict, "/problems/reservation-owned-by-exchange");
        Refused(await Reservations.ReleaseAsync(OwnerA, reservation, new ReleaseRequest("rel-own", null), default),
            RefusalKind.Conflict, "/problems/reservation-owned-by-exchange");
        Refused(await Reservations.SettleAsync(Exchange, reservation, new SettleRequest("set-ex", registryB + 1, 5), default),
            RefusalKind.Conflict, "/problems/reservation-owned-by-exchange");
        Refused(await Units.CancelAsync(Admin, isPerson: false,
            new CancelRequest("c-ex", tradingA, "T-APP", 2025, 5, "voluntary_public_interest", "A Co.", reservation), default),
            RefusalKind.Conflict, "/problems/reservation-owned-by-exchange");
        Assert.Equal(before, engine.Sequence);
    }

    [Fact]
    public async Task an_owner_reserves_and_releases_its_own_units_and_not_another_subjects()
    {
        Ok(await Units.TransferAsync(OwnerA, Move("t-r", registryA, tradingA), default));
        Refused(await Reservations.ReserveAsync(OwnerB, new ReserveRequest("r-b", tradingA, "T-APP", 2025, 5, "order"), default),
            RefusalKind.Forbidden, "/problems/forbidden");
        var reserved = Ok(await Reservations.ReserveAsync(OwnerA, new ReserveRequest("r-a", tradingA, "T-APP", 2025, 5, "order"), default));
        Refused(await Reservations.ReleaseAsync(OwnerB, reserved.Event.Reservation!.Value, new ReleaseRequest("rel-b", null), default),
            RefusalKind.Forbidden, "/problems/forbidden");
        Ok(await Reservations.ReleaseAsync(OwnerA, reserved.Event.Reservation!.Value, new ReleaseRequest("rel-a", null), default));
    }

    [Fact]
    public async Task a_portal_move_goes_to_the_bound_account_of_the_callers_own_subject_only()
    {
        var moved = Ok(await Units.MoveAsync(OwnerA, new MoveRequest("m-a", registryA, "T-APP", 2025, 7), default));
        Assert.Equal(tradingA, moved.Event.To);
        var back = Ok(await Units.MoveAsync(OwnerA, new MoveRequest("m-back", tradingA, "T-APP", 2025, 2), default));
        Assert.Equal("from_trading", back.Event.Reason);
        var before = engine.Sequence;
        Refused(await Units.MoveAsync(OwnerB, new MoveRequest("m-b", registryA, "T-APP", 2025, 1), default), RefusalKind.Forbidden, "/problems/forbidden");
        Refused(await Units.MoveAsync(Admin, new MoveRequest("m-admin", registryA, "T-APP", 2025, 1), default), RefusalKind.Forbidden, "/problems/forbidden");
        Refused(await Units.MoveAsync(OwnerA, new MoveRequest("m-none", 999_999, "T-APP", 2025, 1), default), RefusalKind.NotFound, "/problems/account-not-found");
        Assert.Equal(before, engine.Sequence);
    }

    [Fact]
    public async Task account_reads_are_for_the_owner_the_registry_the_regulator_and_the_exchange()
    {
        Ok(await Accounts.GetAsync(OwnerA, registryA, default));
        Ok(await Accounts.GetAsync(new Caller(Role.Regulator, null), registryA, default));
        Refused(await Accounts.GetAsync(OwnerB, registryA, default), RefusalKind.Forbidden, "/problems/forbidden");
        Refused(await Accounts.HoldingsAsync(OwnerB, registryA, SerialFormat.Default, default), RefusalKind.Forbidden, "/problems/forbidden");
        var holdings = Ok(await Accounts.HoldingsAsync(OwnerA, registryA, SerialFormat.Default, default));
        Assert.Equal("CCER-T-APP-2025-1-1000", Assert.Single(Assert.Single(holdings).Blocks).Serial);
        Assert.All(Ok(await Accounts.ListAsync(OwnerA, null, null, default)), a => Assert.Equal(SubjectA, a.SubjectId));
        Refused(await Accounts.ListAsync(new Caller(Role.Public, null), null, null, default), RefusalKind.Forbidden, "/problems/forbidden");
    }
}
