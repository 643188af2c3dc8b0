using OpenCcer.Core.Exchange;
using OpenCcer.Core.Primitives;
using static OpenCcer.Core.Tests.Exchange.ExchangeFixture;

namespace OpenCcer.Core.Tests.Exchange;

public sealed class OneWayBiddingTests
{
    private static readonly ParticipantId Dave = new(4);

    private static (MarketDriver Market, OrderId Bidding) Announced(BiddingPricing pricing, Side initiatorSide = Side.Sell, long reserveFen = 5_000)
    {
        var m = new MarketDriver();
        var id = m.NextId();
        Assert.Equal(ExchangeStatus.Ok, m.Run(new AnnounceBidding(id, Alice, initiatorSide, T(100), P(reserveFen), At(10, 0), At(10, 30), pricing, ParticipantPosition.Unlimited), At(9, 45)));
        return (m, id);
    }

    private static ExchangeStatus Bid(MarketDriver m, OrderId bidding, ParticipantId who, long priceFen, long tonnes, int minute = 10) =>
        m.Run(new PlaceBid(m.NextId(), bidding, who, P(priceFen), T(tonnes), ParticipantPosition.Unlimited), At(10, minute));

    [Fact]
    public void uniform_pricing_allocates_by_price_then_time_at_the_lowest_accepted_bid()
    {
        var (m, bidding) = Announced(BiddingPricing.Uniform);
        Bid(m, bidding, Bob, 5_200, 40, 1);   // first by price
        Bid(m, bidding, Carol, 5_100, 50, 2); // tie at 51.00, earlier: filled
        Bid(m, bidding, Dave, 5_100, 50, 3);  // tie, later: marginal, 10 t
        Bid(m, bidding, Bob, 5_000, 30, 4);   // outbid
        Assert.Equal(ExchangeStatus.BiddingNotEnded, m.Run(new CloseBidding(bidding), At(10, 29)));
        Assert.Equal(ExchangeStatus.Ok, m.Run(new CloseBidding(bidding), At(10, 30)));

        var allocations = m.All<BidAllocated>().ToList();
        Assert.Equal([40L, 50, 10, 0], allocations.Select(a => a.Allocated.Value));
        Assert.All(allocations.Where(a => a.Trade is not null), a => Assert.Equal(P(5_100), a.Trade!.Price));
        Assert.Equal([Bob, Carol, Dave], allocations.Where(a => a.Trade is not null).Select(a => a.Trade!.BuyerId));
        var closed = m.All<BiddingClosed>().Single();
        Assert.Equal((P(5_100), T(100), T(0)), (closed.ClearingPrice!.Value, closed.Allocated, closed.Unallocated));
        Assert.Equal(T(0), allocations[2].UnitsReleased);
        // Dave reserved 50 × 51.31 and paid 10 × 51.00 + fee 3.06.
        Assert.Equal(new Money((50 * 5_131) - 51_000 - 306), allocations[2].FundsReleased);
        Assert.Empty(m.Market.Biddings);
    }

    [Fact]
    public void pay_as_bid_charges_each_accepted_bid_its_own_price_and_reports_what_is_unallocated()
    {
        var (m, bidding) = Announced(BiddingPricing.PayAsBid);
        Bid(m, bidding, Bob, 5_300, 20, 1);
        Bid(m, bidding, Carol, 5_100, 30, 2);
        Assert.Equal(ExchangeStatus.BidBeyondReservePrice, Bid(m, bidding, Dave, 4_999, 30, 3));
        Assert.Equal(ExchangeStatus.SelfTake, Bid(m, bidding, Alice, 5_500, 30, 3));
        Assert.Equal(ExchangeStatus.OutsideBiddingWindow, m.Run(new PlaceBid(m.NextId(), bidding, Dave, P(5_000), T(1), ParticipantPosition.Unlimited), At(10, 30)));
        m.Run(new CloseBidding(bidding), At(10, 45));

        Assert.Equal([P(5_300), P(5_100)], m.All<BidAllocated>().Select(a => a.Trade!.Price));
        var closed = m.All<BiddingClosed>().Single();
        Assert.Null(closed.ClearingPrice);
        Assert.Equal((T(50), T(50), T(50)), (closed.Allocated, closed.Unallocated, closed.UnitsReleased));
    }

    [Fact]
    public void a_buyer_initiated_bidding_takes_the_cheapest_offers_first()
    {
        var (m, bidding) = Announced(BiddingPricing.Uniform, Side.Buy, 5_000);
        Bid(m, bidding, Bob, 4_900, 60, 1);
        Bid(m, bidding, Carol, 4_800, 60, 2);
        Assert.Equal(ExchangeStatus.BidBeyondReservePrice, Bid(m, bidding, Dave, 5_001, 10, 3));
        m.Run(new CloseBidding(bidding), At(10, 30));
        var trades = m.All<BidAllocated>().Where(a => a.Trade is not null).Select(a => a.Trade!).ToList();
        Assert.Equal([(Carol, 60L), (Bob, 40L)], trades.Select(t => (t.SellerId, t.Quantity.Value)));
        Assert.All(trades, t => Assert.Equal(P(4_900), t.Price));
        Assert.All(trades, t => Assert.Equal(Alice, t.BuyerId));
    }

    [Fact]
    public void an_open_bidding_is_allocated_at_the_close_of_the_day()
    {
        var (m, bidding) = Announced(BiddingPricing.Uniform);
        Bid(m, bidding, Bob, 5_000, 10);
        m.Run(new CloseDay(), At(15, 5));
        Assert.Equal(T(10), m.All<BiddingClosed>().Single().Allocated);
        Assert.Equal(T(10), m.All<DayClosed>().Single().Bar.Volume);
    }

    [Fact]
    public void a_window_must_lie_inside_one_trading_day()
    {
        var m = new MarketDriver();
        Assert.Equal(ExchangeStatus.BiddingWindowInvalid,
            m.Run(new AnnounceBidding(m.NextId(), Alice, Side.Sell, T(100), P(5_000), At(14, 0), At(15, 1), null, ParticipantPosition.Unlimited), At(10, 0)));
        Assert.Equal(ExchangeStatus.BiddingWindowInvalid,
            m.Run(new AnnounceBidding(m.NextId(), Alice, Side.Sell, T(100), P(5_000), At(14, 0), At(14, 0), null, ParticipantPosition.Unlimited), At(10, 0)));
    }
}
