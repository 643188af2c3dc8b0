using OpenCcer.Core.Calendar;
using OpenCcer.Core.Exchange;
using OpenCcer.Core.Primitives;
using OpenCcer.Core.Registry;
using OpenCcer.Storage;
using OpenCcer.Storage.Exchange;
using OpenCcer.Storage.Projections;

namespace OpenCcer.Storage.Tests;

/// <summary>
/// The exchange on a real store: commands journaled with the registry changes they need, replay after a
/// restart, settlement both legs or neither, cash projections and statements. Each provider runs it.
/// </summary>
public abstract class ExchangeStoreContract : IAsyncLifetime
{
    private static readonly Instrument Wind = new("SD-OW-0001", 2024);
    private static readonly MarketClock Clock = MarketClock.Standard(WorkingDayCalendar.Shipped());

    /// <summary>Monday 2 March 2026, 10:00 China Standard Time: a trading day in session.</summary>
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    private readonly ManualClock time = new(Monday);
    private LedgerStore store = null!;
    private RegistryEngine registry = null!;
    private ExchangeEngine exchange = null!;
    private ParticipantId seller;
    private ParticipantId buyer;
    private AccountId sellerRegistry;

    protected abstract string ConnectionString();

    public async Task InitializeAsync()
    {
        store = LedgerStore.Open(ConnectionString());
        registry = await RegistryEngine.StartAsync(store, time);
        exchange = await ExchangeEngine.StartAsync(registry, Clock);
        var s = (AccountOpened)(await registry.SubmitAsync("open-s", new OpenAccount("S", "Seller", HolderType.ProjectOwner))).Result.Event!;
        var b = (AccountOpened)(await registry.SubmitAsync("open-b", new OpenAccount("B", "Buyer", HolderType.KeyEmittingUnit))).Result.Event!;
        (sellerRegistry, seller, buyer) = (s.RegistryAccount, new ParticipantId(s.TradingAccount.Value), new ParticipantId(b.TradingAccount.Value));
        Assert.True((await registry.SubmitAsync("issue", new IssueUnits("MR-1", Wind, 1_000, sellerRegistry))).Result.IsOk);
    }

    public async Task DisposeAsync()
    {
        await registry.DisposeAsync();
        await store.DisposeAsync();
    }

    private async Task RestartAsync()
    {
        await registry.DisposeAsync();
        registry = await RegistryEngine.StartAsync(store, time);
        exchange = await ExchangeEngine.StartAsync(registry, Clock);
    }

    private Task<ExchangeOutcome> Run(string operationId, Func<ExchangeContext, ExchangeStep> build) =>
        exchange.ExecuteAsync(operationId, operationId, build);

    /// <summary>Cash credited as the bank confirmed it (the application's cash desk asks the bank first).</summary>
    private Task<ExchangeOutcome> Deposit(string operationId, ParticipantId who, Money amount) =>
        Run(operationId, _ => ExchangeStep.Run(new DepositCash(who, amount, "BANK-" + operationId)));

    private async Task<ExchangeOutcome> Ok(string operationId, Func<ExchangeContext, ExchangeStep> build)
    {
        var outcome = await Run(operationId, build);
        Assert.True(outcome.IsOk, $"{operationId}: {outcome.Status} {outcome.MarketStatus} {outcome.LedgerRefusal}");
        return outcome;
    }

    /// <summary>The seller moves 600 t to trading and lists the instrument at 50.00 on Monday; Tuesday 10:00 both deposit.</summary>
    private async Task ListAndFundAsync()
    {
        await Ok("list", c => ExchangeStep.Run(new ListInstrument(Wind, seller, new PricePerTonne(5_000)),
            new TransferUnits(sellerRegistry, new AccountId(seller.Value), Wind, 600, TransferReason.ToTrading, null)));
        time.Now = Monday.AddDays(1);
        Assert.True((await Deposit("deposit-b", buyer, new Money(1_000_000_00))).IsOk);
    }

    [Fact]
    public async Task the_last_recorded_instant_is_the_latest_of_both_journals()
    {
        // Setup journaled the registry on Monday; a deposit a day later journals the exchange alone.
        Assert.Equal(Monday, await store.LastRecordedInstantAsync());
        await ListAndFundAsync();
        var registryLast = (await store.JournalPageAsync(registry.Sequence - 1, 1)).Single();
        Assert.Equal(Monday, DateTimeOffset.Parse(registryLast.RecordedAt, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Monday.AddDays(1), await store.LastRecordedInstantAsync());
    }

    private Task<ExchangeOutcome> Post(string id, ParticipantId who, Side side, long priceFen, long tonnes) =>
        Run(id, c => ExchangeStep.Run(new ToMarket(Wind, new PostListing(new OrderId(c.Sequence), who, side, new PricePerTonne(priceFen),
            new Tonnes(tonnes), c.Position(who, Wind)))));

    private Task<ExchangeOutcome> Take(string id, long listing, ParticipantId who, long tonnes) =>
        Run(id, c => ExchangeStep.Run(new ToMarket(Wind, new TakeListing(new OrderId(listing), who, new Tonnes(tonnes), c.Position(who, Wind)))));

    private async Task<HoldingRow?> Holding(ParticipantId who) => (await store.Registry.HoldingsAsync(who.Value)).SingleOrDefault(h => h.ProjectCode == Wind.ProjectCode);

    [Fact]
    public async Task an_instrument_trades_from_the_next_trading_day_after_its_listing()
    {
        await Ok("list", c => ExchangeStep.Run(new ListInstrument(Wind, seller, new PricePerTonne(5_000)),
            new TransferUnits(sellerRegistry, new AccountId(seller.Value), Wind, 600, TransferReason.ToTrading, null)));
        Assert.Equal(VenueStatus.InstrumentNotYetTradable, (await Post("early", seller, Side.Sell, 5_000, 10)).Status);
        Assert.Equal(new DateOnly(2026, 3, 3), exchange.Market(Wind)!.Info.TradableFrom);
        Assert.Equal(600, (await Holding(seller))!.Available);
        time.Now = Monday.AddDays(1);
        Assert.True((await Post("in-time", seller, Side.Sell, 5_000, 10)).IsOk);
    }

    [Fact]
    public async Task a_sell_listing_reserves_units_in_the_registry_and_a_cancel_releases_them()
    {
        await ListAndFundAsync();
        var posted = await Post("post", seller, Side.Sell, 5_100, 250);
        Assert.True(posted.IsOk);
        Assert.Equal((350L, 250L), ((await Holding(seller))!.Available, (await Holding(seller))!.Reserved));
        Assert.Equal(VenueStatus.MarketRefused, (await Post("too-many", seller, Side.Sell, 5_100, 351)).Status);
        Assert.True((await Run("cancel", c => ExchangeStep.Run(new ToMarket(Wind, new CancelListing(new OrderId(posted.Sequence!.Value), seller))))).IsOk);
        Assert.Equal((600L, 0L), ((await Holding(seller))!.Available, (await Holding(seller))!.Reserved));
    }

    [Fact]
    public async Task settlement_delivers_units_and_pays_the_seller_less_fees_in_one_step()
    {
        await ListAndFundAsync();
        var listing = (await Post("post", seller, Side.Sell, 5_000, 100)).Sequence!.Value;
        Assert.True((await Take("take", listing, buyer, 40)).IsOk);
        // 40 t × 50.00 = 2,000.00; fee 6‰ = 12.00 each side. The buyer's cost is held until settlement.
        Assert.Equal(new CashAccountRow(buyer.Value, 1_000_000_00, 2_012_00), await store.Exchange.CashAccountAsync(buyer.Value));
        Assert.Equal(VenueStatus.SettlementTooEarly, (await Run("settle-early", _ => ExchangeStep.Run(new SettleTrades(new DateOnly(2026, 3, 3))))).Status);
        time.Now = Monday.AddDays(1).AddHours(6);
        var settled = await Ok("settle", _ => ExchangeStep.Run(new SettleTrades(new DateOnly(2026, 3, 3))));
        Assert.Single(settled.Settled);
        Assert.Equal((40L, 0L), ((await Holding(buyer))!.Available, (await Holding(buyer))!.Reserved));
        Assert.Equal((560L, 0L), ((await Holding(seller))!.Available, (await Holding(seller))!.Reserved));
        Assert.Equal(new CashAccountRow(buyer.Value, 1_000_000_00 - 2_012_00, 0), await store.Exchange.CashAccountAsync(buyer.Value));
        Assert.Equal(new CashAccountRow(seller.Value, 1_988_00, 0), await store.Exchange.CashAccountAsync(seller.Value));
        Assert.Equal(new CashAccountRow(CashBook.FeeAccount.Value, 24_00, 0), await store.Exchange.CashAccountAsync(CashBook.FeeAccount.Value));
        var statement = await store.Exchange.CashPostingsAsync(buyer.Value, 0, 100);
        Assert.Equal(["deposit", "purchase", "trading_fee"], statement.Select(p => p.Kind));
        Assert.Equal([1_000_000_00L, 1_000_000_00 - 2_000_00, 1_000_000_00 - 2_012_00], statement.Select(p => p.BalanceFen));
        var trade = Assert.Single(await store.Exchange.SettledTradesAsync(seller.Value, "2026-03-03"));
        Assert.Equal((40L, 2_000_00L, 12_00L), (trade.Quantity, trade.TurnoverFen, trade.SellerFeeFen));
        var report = await JournalVerifier.VerifyAsync(store, Clock, null);
        Assert.True(report.IsSound, string.Join("\n", report.Problems));
    }

    [Fact]
    public async Task a_failed_settlement_commit_moves_neither_units_nor_funds_and_a_retry_settles_once()
    {
        await ListAndFundAsync();
        var listing = (await Post("post", seller, Side.Sell, 5_000, 100)).Sequence!.Value;
        Assert.True((await Take("take", listing, buyer, 40)).IsOk);
        time.Now = Monday.AddDays(1).AddHours(6);
        var registryRows = registry.Sequence;
        var exchangeRows = exchange.Sequence;
        var hash = await exchange.StateHashAsync();
        // Break the store under the engines: the settlement's cash rows cannot be written, after its unit rows were.
        // (Renamed away rather than dropped, so the deposit posting it holds comes back and verify can pass.)
        await store.ExecuteAsync("ALTER TABLE cash_postings RENAME TO cash_postings_away");
        await Assert.ThrowsAsync<StoreUnavailableException>(() => Run("settle", _ => ExchangeStep.Run(new SettleTrades(new DateOnly(2026, 3, 3)))));
        Assert.Equal((registryRows, exchangeRows), (registry.Sequence, exchange.Sequence));
        Assert.Equal(hash, await exchange.StateHashAsync());
        Assert.Null(await Holding(buyer));
        Assert.Equal(100L, (await Holding(seller))!.Reserved);
        Assert.Equal(new CashAccountRow(buyer.Value, 1_000_000_00, 2_012_00), await store.Exchange.CashAccountAsync(buyer.Value));
        Assert.Null(await store.Exchange.CashAccountAsync(seller.Value));

        await store.ExecuteAsync("ALTER TABLE cash_postings_away RENAME TO cash_postings");
        var retried = await Ok("settle", _ => ExchangeStep.Run(new SettleTrades(new DateOnly(2026, 3, 3))));
        Assert.False(retried.Replayed);
        Assert.Equal(40L, (await Holding(buyer))!.Available);
        Assert.Equal(new CashAccountRow(seller.Value, 1_988_00, 0), await store.Exchange.CashAccountAsync(seller.Value));
        var again = await Run("settle", _ => ExchangeStep.Run(new SettleTrades(new DateOnly(2026, 3, 3))));
        Assert.True(again.Replayed);
        Assert.Equal(40L, (await Holding(buyer))!.Available);
        var report = await JournalVerifier.VerifyAsync(store, Clock, null);
        Assert.True(report.IsSound, string.Join("\n", report.Problems));
    }

    [Fact]
    public async Task a_restart_replays_the_journal_into_the_same_books_and_state_hashes()
    {
        await ListAndFundAsync();
        Assert.True((await Deposit("deposit-s", seller, new Money(50_000_00))).IsOk);
        var sell = (await Post("sell", seller, Side.Sell, 5_050, 200)).Sequence!.Value;
        Assert.True((await Post("buy", buyer, Side.Buy, 4_900, 70)).IsOk);
        Assert.True((await Take("take", sell, buyer, 15)).IsOk);
        Assert.Equal(MarketClockRefusal(), (await Post("refused", buyer, Side.Buy, 9_000, 1)).MarketStatus);
        var before = exchange.Market(Wind)!;
        var venueHash = await exchange.StateHashAsync();
        var cash = await store.Exchange.CashAccountAsync(buyer.Value);

        await RestartAsync();
        var after = exchange.Market(Wind)!;
        Assert.Equal(before.StateHash, after.StateHash);
        Assert.Equal(venueHash, await exchange.StateHashAsync());
        Assert.True(before.Depth.SameLevelsAs(after.Depth));
        Assert.Equal(cash, await store.Exchange.CashAccountAsync(buyer.Value));
        // The replayed engine continues the same books: the open listing can still be taken.
        Assert.True((await Take("take-after", sell, buyer, 5)).IsOk);
    }

    private static ExchangeStatus MarketClockRefusal() => ExchangeStatus.PriceOutsideLimit;

    [Fact]
    public async Task a_repeated_operation_id_returns_the_first_answer_and_a_different_body_conflicts()
    {
        await ListAndFundAsync();
        var first = await Post("post", seller, Side.Sell, 5_000, 10);
        var again = await exchange.ExecuteAsync("post", "post", _ => throw new InvalidOperationException("not run again"));
        Assert.True(again.Replayed);
        Assert.Equal(first.Sequence, again.Sequence);
        Assert.Equal(first.Events, again.Events);
        Assert.True((await exchange.ExecuteAsync("post", "another body", _ => throw new InvalidOperationException("not run"))).IdempotencyConflict);
        Assert.Equal(10L, (await Holding(seller))!.Reserved);
    }

    [Fact]
    public async Task an_engine_refuses_to_start_on_a_tampered_exchange_journal()
    {
        await ListAndFundAsync();
        await store.ExecuteAsync("UPDATE exchange_journal SET command = replace(command, '100000000', '100000001') WHERE seq = 2");
        await Assert.ThrowsAsync<LedgerCorruptException>(() => ExchangeEngine.StartAsync(registry, Clock));
    }

    [Fact]
    public async Task journal_rows_with_an_event_type_are_found_newest_first_before_a_sequence()
    {
        await ListAndFundAsync();
        var first = await Post("post-1", seller, Side.Sell, 5_000, 10);
        var second = await Post("post-2", seller, Side.Sell, 5_001, 10);
        var rows = await store.Exchange.ExchangeJournalRowsWithEventAsync("listing_posted", long.MaxValue, 10);
        Assert.Equal([second.Sequence!.Value, first.Sequence!.Value], rows.Select(r => r.Sequence));
        Assert.Equal([first.Sequence!.Value], (await store.Exchange.ExchangeJournalRowsWithEventAsync("listing_posted", second.Sequence!.Value, 10)).Select(r => r.Sequence));
        Assert.Empty(await store.Exchange.ExchangeJournalRowsWithEventAsync("surveillance_flagged", long.MaxValue, 10));
    }

    [Fact]
    public async Task published_markets_follow_each_command_and_equal_a_replay_after_a_restart()
    {
        var solar = new Instrument("QH-ST-0005", 2024);
        Assert.True((await registry.SubmitAsync("issue-solar", new IssueUnits("MR-2", solar, 500, sellerRegistry))).Result.IsOk);
        await ListAndFundAsync();
        await Ok("list-solar", c => ExchangeStep.Run(new ListInstrument(solar, seller, new PricePerTonne(3_000)),
            new TransferUnits(sellerRegistry, new AccountId(seller.Value), solar, 500, TransferReason.ToTrading, null)));
        time.Now = Monday.AddDays(2);
        var wind = (await Post("post-wind", seller, Side.Sell, 5_000, 100)).Sequence!.Value;
        await Ok("post-solar", c => ExchangeStep.Run(new ToMarket(solar, new PostListing(new OrderId(c.Sequence), seller, Side.Sell,
            new PricePerTonne(3_000), new Tonnes(50), c.Position(seller, solar)))));
        Assert.True((await Take("take-wind", wind, buyer, 30)).IsOk);
        Assert.True((await Deposit("deposit-more", buyer, new Money(1_00))).IsOk);
        Assert.Equal((70L, 50L), (exchange.Market(Wind)!.Sells.Single().Open.Value, exchange.Market(solar)!.Sells.Single().Open.Value));

        var published = exchange.Markets.Select(m => (m.Info.Instrument, m.StateHash, m.TradingDate, m.IsDayOpen, m.Bar)).ToList();
        Assert.Equal([Wind, solar], published.Select(m => m.Instrument));
        await RestartAsync();
        Assert.Equal(published, exchange.Markets.Select(m => (m.Info.Instrument, m.StateHash, m.TradingDate, m.IsDayOpen, m.Bar)));
    }

    [Theory]
    [InlineData("UPDATE exchange_journal SET command = replace(command, '100000000', '100000001') WHERE seq = 2", "hash does not match")]
    [InlineData("UPDATE exchange_journal SET at = replace(at, '2026', '2027') WHERE seq = 3", "hash does not match")]
    [InlineData("DELETE FROM exchange_journal WHERE seq = 3", "previous hash")]
    [InlineData("UPDATE cash_accounts SET balance_fen = balance_fen + 1 WHERE participant_id = 0", "Projection cash_accounts")]
    [InlineData("UPDATE cash_accounts SET held_fen = held_fen + 1 WHERE balance_fen > 0", "Projection cash_accounts")]
    [InlineData("DELETE FROM cash_postings WHERE id = (SELECT MAX(id) FROM cash_postings)", "Projection cash_postings")]
    [InlineData("UPDATE cash_postings SET reference = 'forged' WHERE id = 1", "Projection cash_postings")]
    [InlineData("UPDATE exchange_trades SET price_fen = price_fen - 1", "Projection exchange_trades")]
    [InlineData("UPDATE exchange_trades SET settled_at = NULL, settlement_date = NULL", "Projection exchange_trades")]
    [InlineData("UPDATE exchange_instruments SET initial_price_fen = initial_price_fen + 1", "Projection exchange_instruments")]
    public async Task verify_fails_after_an_exchange_row_is_altered_by_hand(string tamper, string expected)
    {
        await ListAndFundAsync();
        var listing = (await Post("post", seller, Side.Sell, 5_000, 100)).Sequence!.Value;
        Assert.True((await Take("take", listing, buyer, 40)).IsOk);
        time.Now = Monday.AddDays(1).AddHours(6);
        await Ok("settle", _ => ExchangeStep.Run(new SettleTrades(new DateOnly(2026, 3, 3))));
        var sound = await JournalVerifier.VerifyAsync(store, Clock, null);
        Assert.True(sound.IsSound, string.Join("; ", sound.Problems));
        Assert.Equal(await exchange.StateHashAsync(), sound.Exchange.StateHash);
        Assert.Equal(exchange.Sequence, sound.Exchange.JournalRows);

        Assert.True(await store.ExecuteAsync(tamper) > 0, "the tamper statement changed no row");
        var report = await JournalVerifier.VerifyAsync(store, Clock, null);
        Assert.False(report.IsSound);
        Assert.Contains(report.Problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task an_exchange_configured_with_another_fee_or_clock_refuses_to_start_on_the_store()
    {
        await ListAndFundAsync();
        Assert.Equal(new ExchangeSettings(false, 60), await store.Exchange.ExchangeSettingsAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            ExchangeEngine.StartAsync(registry, Clock, MarketRules.Default with { Fees = new FeeSchedule(30) }));
        await Assert.ThrowsAsync<InvalidOperationException>(() => ExchangeEngine.StartAsync(registry, MarketClock.AlwaysOpenDemo()));
        // Verify replays on the recorded clock and fee without being told them.
        Assert.True((await JournalVerifier.VerifyAsync(store)).IsSound);
    }

    [Fact]
    public async Task verify_fails_when_the_exchange_ran_under_other_rules()
    {
        await ListAndFundAsync();
        var listing = (await Post("post", seller, Side.Sell, 5_000, 100)).Sequence!.Value;
        Assert.True((await Take("take", listing, buyer, 40)).IsOk);
        // A fee other than the one the trade paid replays to other events: the recorded result no longer matches.
        var report = await JournalVerifier.VerifyAsync(store, Clock, MarketRules.Default with { Fees = new FeeSchedule(30) });
        Assert.Contains(report.Problems, p => p.Contains("replays as", StringComparison.Ordinal));
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}

public sealed class SqliteExchangeStoreContract : ExchangeStoreContract
{
    private readonly string connectionString = TestStores.NewSqliteConnectionString();

    protected override string ConnectionString() => connectionString;
}

public sealed class PostgresExchangeStoreContract : ExchangeStoreContract
{
    private readonly string connectionString = TestStores.NewPostgresConnectionString();

    protected override string ConnectionString() => connectionString;
}
