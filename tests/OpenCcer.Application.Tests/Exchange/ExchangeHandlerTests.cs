using Microsoft.Extensions.Time.Testing;
using OpenCcer.Application.Cash;
using OpenCcer.Application.Exchange;
using OpenCcer.Core.Calendar;
using OpenCcer.Core.Exchange;
using OpenCcer.Core.Lifecycle;
using OpenCcer.Core.Registry;
using OpenCcer.Storage;
using OpenCcer.Storage.Exchange;
using OpenCcer.Storage.Tests;

namespace OpenCcer.Application.Tests.Exchange;

/// <summary>The exchange and cash handlers on a real SQLite store: who may act, as whom, and one fingerprint per request.</summary>
public sealed class ExchangeHandlerTests : IAsyncLifetime
{
    private static readonly Instrument Wind = new("SD-OW-0001", 2024);
    private static readonly Instrument Solar = new("SD-PV-0002", 2024);

    /// <summary>Monday 2 March 2026, 10:00 China Standard Time: a trading day in session.</summary>
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    private static readonly Caller Seller = new(Role.ProjectOwner, "S");
    private static readonly Caller Buyer = new(Role.TradingParticipant, "B");
    private static readonly Caller Operator = new(Role.ExchangeOperator, "X");
    private static readonly Caller Regulator = new(Role.Regulator, "R");
    private static readonly Caller Stranger = new(Role.TradingParticipant, "NOBODY");

    private readonly FakeTimeProvider time = new(Monday);
    private LedgerStore store = null!;
    private RegistryEngine registry = null!;
    private ExchangeEngine exchange = null!;
    private ListedTrading trading = null!;
    private BulkAgreements bulk = null!;
    private MarketOperations market = null!;
    private Surveillance surveillance = null!;
    private CashDesk cash = null!;
    private long buyerId;
    private long sellerId;

    public async Task InitializeAsync()
    {
        store = TestStores.New("sqlite");
        registry = await RegistryEngine.StartAsync(store, time);
        exchange = await ExchangeEngine.StartAsync(registry, MarketClock.Standard(WorkingDayCalendar.Shipped()));
        var s = (AccountOpened)(await registry.SubmitAsync("open-s", new OpenAccount("S", "Seller", HolderType.ProjectOwner))).Result.Event!;
        var b = (AccountOpened)(await registry.SubmitAsync("open-b", new OpenAccount("B", "Buyer", HolderType.KeyEmittingUnit))).Result.Event!;
        (sellerId, buyerId) = (s.TradingAccount.Value, b.TradingAccount.Value);
        Assert.True((await registry.SubmitAsync("issue-w", new IssueUnits("MR-1", Wind, 1_000, s.RegistryAccount))).Result.IsOk);
        Assert.True((await registry.SubmitAsync("issue-s", new IssueUnits("MR-2", Solar, 1_000, s.RegistryAccount))).Result.IsOk);
        (trading, bulk, market, surveillance) = (new(exchange), new(exchange), new(exchange), new(exchange));
        cash = new CashDesk(exchange, new SimulatedSettlementBank());
    }

    public async Task DisposeAsync()
    {
        await registry.DisposeAsync();
        await store.DisposeAsync();
    }

    private static T Ok<T>(Outcome<T> outcome)
    {
        Assert.True(outcome.IsOk, outcome.Refusal?.ToString());
        return outcome.Value!;
    }

    private static void Refused(RefusalKind kind, string type, Outcome<ExchangeDone> outcome)
    {
        Assert.False(outcome.IsOk);
        Assert.Equal((kind, type), (outcome.Refusal!.Kind, outcome.Refusal.Type));
    }

    /// <summary>The seller lists both instruments on Monday; on Tuesday the buyer deposits and the seller posts a sell listing of wind.</summary>
    private async Task<long> ListedAndPostedAsync()
    {
        Ok(await trading.ListInstrumentAsync(Seller, new ListInstrumentRequest("list-w", Wind.ProjectCode, Wind.Vintage, 600, 50_00)));
        Ok(await trading.ListInstrumentAsync(Seller, new ListInstrumentRequest("list-s", Solar.ProjectCode, Solar.Vintage, 600, 30_00)));
        time.Advance(TimeSpan.FromDays(1));
        Ok(await cash.DepositAsync(Buyer, new CashRequest("dep", 1_000_000_00)));
        return Ok(await trading.PostListingAsync(Seller, Wind, new PostListingRequest("sell", "sell", 50_00, 100))).OrderId!.Value;
    }

    [Fact]
    public async Task only_account_holders_trade()
    {
        var before = exchange.Sequence;
        Refused(RefusalKind.Forbidden, "/problems/forbidden", await trading.PostListingAsync(Operator, Wind, new PostListingRequest("a", "sell", 50_00, 1)));
        Refused(RefusalKind.Forbidden, "/problems/forbidden", await trading.PostListingAsync(Regulator, Wind, new PostListingRequest("b", "sell", 50_00, 1)));
        Refused(RefusalKind.Forbidden, "/problems/forbidden", await bulk.ProposeAsync(Caller.Public, Wind, new ProposeBulkRequest("c", "B", "sell", 50_00, 1)));
        Assert.False((await cash.DepositAsync(Operator, new CashRequest("d", 1_00))).IsOk);
        Assert.Equal(before, exchange.Sequence);
    }

    [Fact]
    public async Task only_the_exchange_operator_closes_settles_suspends_and_restricts()
    {
        var before = exchange.Sequence;
        Refused(RefusalKind.Forbidden, "/problems/forbidden", await market.CloseDayAsync(Seller, new OperationOnlyRequest("close")));
        Refused(RefusalKind.Forbidden, "/problems/forbidden", await market.SettleAsync(Buyer, new SettleTradesRequest("settle", new DateOnly(2026, 3, 2))));
        Refused(RefusalKind.Forbidden, "/problems/forbidden", await market.SuspendAsync(Regulator, Wind, new SuspendRequest("suspend", "why")));
        Refused(RefusalKind.Forbidden, "/problems/forbidden",
            await surveillance.RestrictAsync(Seller, Wind, new RestrictSubjectRequest("restrict", buyerId, "why")));
        Assert.Equal(before, exchange.Sequence);
        Ok(await trading.ListInstrumentAsync(Seller, new ListInstrumentRequest("list", Wind.ProjectCode, Wind.Vintage, 10, 50_00)));
        Ok(await market.SuspendAsync(Operator, Wind, new SuspendRequest("suspend", "disorderly trading")));
        Assert.True(exchange.Market(Wind)!.IsSuspended);
    }

    [Fact]
    public async Task a_trader_acts_as_the_participant_of_its_own_subject_on_the_live_ledger()
    {
        var listing = await ListedAndPostedAsync();
        Assert.Equal(sellerId, exchange.Market(Wind)!.Sells.Single(l => l.Id.Value == listing).Participant.Value);
        Refused(RefusalKind.NotFound, "/problems/no-trading-account",
            await trading.TakeListingAsync(Stranger, Wind, listing, new TakeListingRequest("stranger", 1)));
        Refused(RefusalKind.NotFound, "/problems/no-trading-account",
            await bulk.ProposeAsync(Seller, Wind, new ProposeBulkRequest("bulk", "NOBODY", "sell", 50_00, 100_000)));
        Refused(RefusalKind.Forbidden, "/problems/not-owner", await trading.CancelListingAsync(Buyer, Wind, listing, new OperationOnlyRequest("not-mine")));
        Ok(await trading.CancelListingAsync(Seller, Wind, listing, new OperationOnlyRequest("mine")));
    }

    [Fact]
    public async Task an_operation_id_reused_for_another_instrument_or_action_is_refused_and_changes_nothing()
    {
        var listing = await ListedAndPostedAsync();
        // The wind listing is not on the solar market: refused, and journaled under the operation id like any venue command.
        var before = exchange.Sequence;
        Refused(RefusalKind.NotFound, "/problems/listing-not-found",
            await trading.CancelListingAsync(Seller, Solar, listing, new OperationOnlyRequest("reused")));
        var sequence = exchange.Sequence;
        Assert.Equal(before + 1, sequence);
        var state = await exchange.StateHashAsync();
        Refused(RefusalKind.Unprocessable, Refusals.IdempotencyConflictType,
            await trading.CancelListingAsync(Seller, Wind, listing, new OperationOnlyRequest("reused")));
        Refused(RefusalKind.Unprocessable, Refusals.IdempotencyConflictType,
            await bulk.DeclineAsync(Seller, Solar, listing, new OperationOnlyRequest("reused")));
        Refused(RefusalKind.Unprocessable, Refusals.IdempotencyConflictType,
            await trading.PostListingAsync(Seller, Wind, new PostListingRequest("sell", "sell", 50_00, 101)));
        Refused(RefusalKind.Unprocessable, Refusals.IdempotencyConflictType,
            await trading.PostListingAsync(Seller, Solar, new PostListingRequest("sell", "sell", 50_00, 100)));
        Assert.Equal((sequence, state), (exchange.Sequence, await exchange.StateHashAsync()));
        Assert.Equal(100, exchange.Market(Wind)!.Sells.Single().Open.Value);
        Assert.True(Ok(await trading.PostListingAsync(Seller, Wind, new PostListingRequest("sell", "sell", 50_00, 100))).Outcome.Replayed);
    }

    [Fact]
    public async Task cash_is_read_by_its_holder_and_by_the_exchange_and_the_regulator()
    {
        await ListedAndPostedAsync();
        Assert.Equal(1_000_000_00, Ok(await cash.BalanceAsync(Buyer, null)).BalanceFen);
        Assert.Equal(RefusalKind.Forbidden, (await cash.BalanceAsync(Seller, buyerId)).Refusal!.Kind);
        Assert.Equal(RefusalKind.Invalid, (await cash.BalanceAsync(Operator, null)).Refusal!.Kind);
        Assert.Equal(1_000_000_00, Ok(await cash.BalanceAsync(Regulator, buyerId)).BalanceFen);
        Assert.Equal(RefusalKind.Forbidden, (await cash.StatementAsync(new Caller(Role.RegistryAdministrator, "A"), buyerId, null, null)).Refusal!.Kind);
        Assert.Equal("amount_fen", Assert.Single((await cash.DepositAsync(Buyer, new CashRequest("zero", 0))).Refusal!.Errors!).Key);
        Assert.Equal(RefusalKind.Unprocessable, (await cash.WithdrawAsync(Buyer, new CashRequest("dep", 1_000_000_00))).Refusal!.Kind);
    }

    [Fact]
    public async Task a_withdrawal_the_bank_refuses_is_credited_back()
    {
        await ListedAndPostedAsync();
        var small = new CashDesk(exchange, new SimulatedSettlementBank(transferMaxFen: 100_00));
        var refused = await small.WithdrawAsync(Buyer, new CashRequest("withdraw", 500_00));
        Assert.Equal("/problems/bank-refused", refused.Refusal!.Type);
        Assert.Equal(new CashAccountRow(buyerId, 1_000_000_00, 0), await store.Exchange.CashAccountAsync(buyerId));
        Ok(await small.WithdrawAsync(Buyer, new CashRequest("withdraw-small", 100_00)));
        Assert.Equal(["deposit", "withdrawal", "deposit", "withdrawal"], (await store.Exchange.CashPostingsAsync(buyerId, 0, 10)).Select(p => p.Kind));
        Assert.Equal("/problems/insufficient-funds", (await cash.WithdrawAsync(Buyer, new CashRequest("withdraw-all", 1_000_000_00))).Refusal!.Type);
    }

    [Fact]
    public async Task a_settlement_report_is_the_holders_own_or_read_by_the_exchange()
    {
        var reads = new SettlementReads(store);
        var day = new DateOnly(2026, 3, 3);
        Assert.Equal("/problems/no-trading-account", (await reads.ReportAsync(Stranger, day, null)).Refusal!.Type);
        Assert.Equal(RefusalKind.Forbidden, (await reads.ReportAsync(Seller, day, buyerId)).Refusal!.Kind);
        Assert.Equal(sellerId, Assert.Single(Ok(await reads.ReportAsync(Seller, day, null))).Participant.Value);
        Assert.Equal(buyerId, Assert.Single(Ok(await reads.ReportAsync(Operator, day, buyerId))).Participant.Value);
    }
}
