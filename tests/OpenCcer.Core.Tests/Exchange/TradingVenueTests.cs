using OpenCcer.Core.Exchange;
using OpenCcer.Core.Primitives;
using OpenCcer.Core.Registry;

namespace OpenCcer.Core.Tests.Exchange;

/// <summary>
/// The venue with a real in-memory registry ledger: every trading method holds units in the registry
/// and cash in the cash book while open, and settlement moves both to the fen. Fees 6‰ each side.
/// </summary>
public sealed class TradingVenueTests
{
    private static readonly Instrument Wind = new("SD-OW-0001", 2024);

    /// <summary>Tuesday 3 March 2026, 10:00 China Standard Time.</summary>
    private static readonly DateTimeOffset Morning = new(2026, 3, 3, 10, 0, 0, ChinaClock.Offset);

    private readonly Ledger ledger = new();
    private readonly TradingVenue venue = new(MarketClock.AlwaysOpenDemo(),
        MarketRules.Default with { Bulk = BulkRules.Default with { QuantityMinTonnes = 100 } });
    private readonly LedgerBridge bridge;
    private readonly ParticipantId a;
    private readonly ParticipantId b;
    private readonly ParticipantId c;

    public TradingVenueTests()
    {
        var at = Morning.AddDays(-1);
        ParticipantId Open(string subject)
        {
            var opened = (AccountOpened)ledger.Execute(new OpenAccount(subject, subject, HolderType.OtherTradingSubject), at).Event!;
            return new ParticipantId(opened.TradingAccount.Value);
        }

        (a, b, c) = (Open("A"), Open("B"), Open("C"));
        var registryOfA = new AccountId(a.Value - 1);
        Assert.True(ledger.Execute(new IssueUnits("MR-1", Wind, 10_000, registryOfA), at).IsOk);
        Assert.True(ledger.Execute(new TransferUnits(registryOfA, new AccountId(a.Value), Wind, 5_000, TransferReason.ToTrading, null), at).IsOk);
        bridge = new LedgerBridge(ledger);
        Run(new ListInstrument(Wind, a, new PricePerTonne(50_00)), at);
        Run(new DepositCash(b, new Money(100_000_00), "bank-b"), Morning);
        Run(new DepositCash(c, new Money(100_000_00), "bank-c"), Morning);
    }

    private VenueResult Run(VenueCommand command, DateTimeOffset at, VenueStatus expected = VenueStatus.Ok)
    {
        var result = venue.Execute(command, at);
        Assert.True(result.Status == expected, $"{command}: {result.Status} {result.MarketStatus}");
        foreach (var effect in result.UnitEffects) bridge.Execute(ledger, effect, at);
        Assert.Empty(venue.Cash.CheckInvariants());
        return result;
    }

    private VenueResult Market(MarketCommand command, DateTimeOffset at, VenueStatus expected = VenueStatus.Ok) =>
        Run(new ToMarket(Wind, command), at, expected);

    private ParticipantPosition Position(ParticipantId who) => LedgerBridge.Position(ledger, who, Wind);

    private (long Available, long Reserved) Units(ParticipantId who) =>
        ledger.FindHolding(new AccountId(who.Value), Wind) is { } h ? (h.Available, h.Reserved) : (0, 0);

    private (long Balance, long Held) Cash(ParticipantId who) => (venue.Cash.Account(who).Balance.Fen, venue.Cash.Account(who).Held.Fen);

    private void SettleTuesday() => Run(new SettleTrades(new DateOnly(2026, 3, 3)), Morning.AddDays(1));

    [Fact]
    public void a_bulk_agreement_reserves_the_proposers_units_and_settles_delivery_versus_payment()
    {
        Market(new ProposeBulk(new OrderId(1), a, b, Side.Sell, new PricePerTonne(52_00), new Tonnes(200), Position(a)), Morning);
        Assert.Equal((4_800L, 200L), Units(a));
        Market(new ConfirmBulk(new OrderId(1), b, Position(b)), Morning.AddMinutes(5));
        // 200 t × 52.00 = 10,400.00; fee 62.40 each side; the buyer's cost is held until settlement.
        Assert.Equal((100_000_00L, 10_462_40L), Cash(b));
        SettleTuesday();
        Assert.Equal((4_800L, 0L), Units(a));
        Assert.Equal((200L, 0L), Units(b));
        Assert.Equal((100_000_00L - 10_462_40, 0L), Cash(b));
        Assert.Equal((10_337_60L, 0L), Cash(a));
        Assert.Equal(124_80L, venue.Cash.Account(CashBook.FeeAccount).Balance.Fen);
    }

    [Fact]
    public void a_declined_buy_proposal_releases_the_funds_it_held_with_the_fee()
    {
        Market(new ProposeBulk(new OrderId(1), b, a, Side.Buy, new PricePerTonne(50_00), new Tonnes(100), Position(b)), Morning);
        // 100 t × (50.00 + 0.30 fee of a tonne) = 5,030.00 held.
        Assert.Equal((100_000_00L, 5_030_00L), Cash(b));
        Market(new DeclineBulk(new OrderId(1), a), Morning.AddMinutes(1));
        Assert.Equal((100_000_00L, 0L), Cash(b));
        Assert.Equal(0, venue.Cash.HoldCount);
    }

    [Fact]
    public void a_one_way_bidding_allocates_at_a_uniform_price_and_settles_each_winner()
    {
        Market(new AnnounceBidding(new OrderId(1), a, Side.Sell, new Tonnes(1_000), new PricePerTonne(50_00), Morning, Morning.AddHours(1),
            BiddingPricing.Uniform, Position(a)), Morning);
        Assert.Equal((4_000L, 1_000L), Units(a));
        Market(new PlaceBid(new OrderId(2), new OrderId(1), b, new PricePerTonne(52_00), new Tonnes(600), Position(b)), Morning.AddMinutes(10));
        Market(new PlaceBid(new OrderId(3), new OrderId(1), c, new PricePerTonne(51_00), new Tonnes(600), Position(c)), Morning.AddMinutes(20));
        // Bids hold quantity × (price + the fee of a tonne rounded up): 600 × 52.32 and 600 × 51.31.
        Assert.Equal((100_000_00L, 31_392_00L), Cash(b));
        Assert.Equal((100_000_00L, 30_786_00L), Cash(c));
        var closed = Market(new CloseBidding(new OrderId(1)), Morning.AddHours(1));
        Assert.Equal(2, closed.Events.OfType<BidAllocated>().Count(e => e.Trade is not null));
        // Uniform price 51.00: B gets 600 t (30,600.00 + 183.60), C the last 400 t (20,400.00 + 122.40).
        Assert.Equal((100_000_00L, 30_783_60L), Cash(b));
        Assert.Equal((100_000_00L, 20_522_40L), Cash(c));
        SettleTuesday();
        Assert.Equal((4_000L, 0L), Units(a));
        Assert.Equal((600L, 0L), Units(b));
        Assert.Equal((400L, 0L), Units(c));
        Assert.Equal((30_416_40L + 20_277_60L, 0L), Cash(a));
        Assert.Equal((100_000_00L - 30_783_60, 0L), Cash(b));
        Assert.Equal((100_000_00L - 20_522_40, 0L), Cash(c));
        Assert.Equal(0, venue.Cash.HoldCount);
        Assert.DoesNotContain(ledger.Reservations, r => r.Remaining > 0);
    }

    [Fact]
    public void settlement_waits_for_the_close_and_an_instrument_trades_from_the_next_day()
    {
        Run(new SettleTrades(new DateOnly(2026, 3, 3)), Morning, VenueStatus.SettlementTooEarly);
        var other = new Instrument("FJ-MG-0004", 2023);
        Run(new ListInstrument(other, a, new PricePerTonne(30_00)), Morning);
        Assert.True(venue.TryGetMarket(other, out _, out var info));
        Assert.Equal(new DateOnly(2026, 3, 4), info.TradableFrom);
        Run(new ToMarket(other, new PostListing(new OrderId(1), b, Side.Buy, new PricePerTonne(30_00), new Tonnes(1), Position(b))), Morning,
            VenueStatus.InstrumentNotYetTradable);
        Run(new ListInstrument(new Instrument("FJ-MG-0004", 2024), a, new PricePerTonne(0)), Morning, VenueStatus.InitialPriceInvalid);
        Run(new WithdrawCash(b, new Money(100_000_01), "too much"), Morning, VenueStatus.InsufficientFunds);
        Run(new DepositCash(b, new Money(0), "nothing"), Morning, VenueStatus.AmountInvalid);
    }

    [Fact]
    public void a_buy_listing_holds_price_and_fee_and_a_seller_taking_it_has_its_units_reserved_for_settlement()
    {
        Market(new PostListing(new OrderId(1), b, Side.Buy, new PricePerTonne(50_00), new Tonnes(100), Position(b)), Morning);
        Assert.Equal((100_000_00L, 5_030_00L), Cash(b));
        Market(new TakeListing(new OrderId(1), a, new Tonnes(40), Position(a)), Morning.AddMinutes(1));
        // 40 t × 50.00 = 2,000.00 + 12.00 fee now held for the trade; 60 t × 50.30 still held for the listing.
        Assert.Equal((100_000_00L, 2_012_00L + 3_018_00L), Cash(b));
        Assert.Equal((4_960L, 40L), Units(a));
        Run(new CloseMarkets(), Morning.AddDays(1));
        Assert.Equal((100_000_00L, 2_012_00L), Cash(b));
        SettleTuesday();
        Assert.Equal((40L, 0L), Units(b));
        Assert.Equal((1_988_00L, 0L), Cash(a));
    }
}
