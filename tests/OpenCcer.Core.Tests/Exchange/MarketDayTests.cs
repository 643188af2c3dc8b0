using OpenCcer.Core.Exchange;
using OpenCcer.Core.Primitives;
using static OpenCcer.Core.Tests.Exchange.ExchangeFixture;

namespace OpenCcer.Core.Tests.Exchange;

public sealed class MarketDayTests
{
    [Fact]
    public void the_next_day_trades_around_the_vwap_of_the_listed_trades()
    {
        var m = new MarketDriver();
        m.Post(Alice, Side.Sell, 5_000, 1);
        m.Post(Alice, Side.Sell, 5_001, 1);
        m.TakeBest(Side.Sell, Bob, 1);
        m.TakeBest(Side.Sell, Bob, 1);
        m.Post(Carol, Side.Sell, 5_400, 7); // left open: expires

        var next = At(new DateOnly(2025, 3, 5), 9, 30);
        Assert.Equal(ExchangeStatus.Ok, m.Run(new PostListing(m.NextId(), Carol, Side.Sell, P(5_501), T(1), ParticipantPosition.Unlimited), next));

        var closed = m.All<DayClosed>().Single();
        Assert.Equal(P(5_001), closed.NextBasePrice); // 50.005 rounds half-up
        Assert.Equal(At(15, 0), closed.At);
        Assert.Equal(T(7), m.All<ListingExpired>().Single().Quantity);
        Assert.Equal(P(5_001), m.Market.BasePrice);
        Assert.Equal(new PriceBand(P(4_501), P(5_501)), m.Market.Listings.Band);
    }

    [Fact]
    public void without_listed_trades_the_base_price_is_carried_forward()
    {
        var m = new MarketDriver();
        m.Post(Alice, Side.Sell, 5_400, 7);
        Assert.Equal(ExchangeStatus.Ok, m.Run(new CloseDay(), At(15, 0)));
        Assert.Equal(ExchangeStatus.DayAlreadyClosed, m.Run(new CloseDay(), At(15, 1)));
        Assert.Equal(P(5_000), m.All<DayClosed>().Single().NextBasePrice);
        Assert.False(m.Market.IsDayOpen);
    }

    [Fact]
    public void closing_the_day_before_the_close_is_refused()
    {
        var m = new MarketDriver();
        Assert.Equal(ExchangeStatus.CloseTooEarly, m.Run(new CloseDay(), At(14, 59)));
    }

    [Fact]
    public void a_command_after_the_close_closes_the_day_first_even_when_refused()
    {
        var m = new MarketDriver();
        m.Post(Alice, Side.Sell, 5_000, 7);
        var result = m.Market.Execute(new PostListing(new OrderId(50), Alice, Side.Sell, P(5_000), T(1), ParticipantPosition.Unlimited), At(15, 30));
        Assert.Equal(ExchangeStatus.OutsideSession, result.Status);
        Assert.IsType<ListingExpired>(result.Events[0]);
        Assert.IsType<DayClosed>(result.Events[^1]);
    }

    [Fact]
    public void replaying_the_same_commands_reproduces_the_state_hash()
    {
        static string Run(bool extra)
        {
            var m = new MarketDriver(MarketRules.Default with { Related = new RelatedAccounts([(Alice, Carol)]) });
            m.Post(Alice, Side.Sell, 5_000, 10);
            m.Post(Bob, Side.Buy, 4_900, 10);
            m.TakeBest(Side.Sell, Carol, 4);
            m.Run(new ProposeBulk(m.NextId(), Alice, Bob, Side.Sell, P(5_500), T(100_000), ParticipantPosition.Unlimited), At(13, 10));
            if (extra)
            {
                m.TakeBest(Side.Buy, new ParticipantId(9), 1);
            }

            return m.Market.StateHash();
        }

        Assert.Equal(Run(false), Run(false));
        Assert.NotEqual(Run(false), Run(true));
    }

    [Fact]
    public void the_always_open_demo_clock_trades_at_any_hour_and_closes_at_midnight()
    {
        var market = new Market(Instrument, BasePrice, MarketClock.AlwaysOpenDemo());
        var sunday = At(new DateOnly(2025, 3, 9), 3, 0);
        Assert.Equal(ExchangeStatus.Ok, market.Execute(new PostListing(new OrderId(1), Alice, Side.Sell, P(5_000), T(1), ParticipantPosition.Unlimited), sunday).Status);
        Assert.Equal(ExchangeStatus.Ok, market.Execute(new ProposeBulk(new OrderId(2), Alice, Bob, Side.Sell, P(5_000), T(100_000), ParticipantPosition.Unlimited), sunday).Status);
        var monday = market.Execute(new CloseDay(), At(new DateOnly(2025, 3, 10), 0, 0));
        Assert.Equal(ExchangeStatus.Ok, monday.Status);
        Assert.Equal(At(new DateOnly(2025, 3, 10), 0, 0), monday.Events.OfType<DayClosed>().Single().At);
    }
}
