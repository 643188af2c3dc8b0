using OpenCcer.Core.Exchange;
using OpenCcer.Core.Primitives;
using static OpenCcer.Core.Tests.Exchange.ExchangeFixture;

namespace OpenCcer.Core.Tests.Exchange;

public sealed class RiskRuleTests
{
    private static MarketDriver BobBoughtOn(DateOnly day)
    {
        var m = new MarketDriver { Now = At(day, 10, 0) };
        Assert.Equal(ExchangeStatus.Ok, m.Post(Alice, Side.Sell, 5_000, 10));
        Assert.Equal(ExchangeStatus.Ok, m.TakeBest(Side.Sell, Bob, 10));
        return m;
    }

    [Theory]
    [InlineData("2025-03-04", "2025-03-04", ExchangeStatus.FiveDayRule)]
    [InlineData("2025-03-04", "2025-03-10", ExchangeStatus.FiveDayRule)] // 4th trading day after
    [InlineData("2025-03-04", "2025-03-11", ExchangeStatus.Ok)]          // 5th trading day after
    [InlineData("2025-04-03", "2025-04-10", ExchangeStatus.FiveDayRule)] // Qingming on 4 April does not count
    [InlineData("2025-04-03", "2025-04-11", ExchangeStatus.Ok)]
    [InlineData("2025-09-26", "2025-10-02", ExchangeStatus.OutsideSession)] // holiday: no trading at all
    [InlineData("2025-09-26", "2025-10-10", ExchangeStatus.FiveDayRule)]    // the make-up days 28 Sept and 11 Oct are not trading days
    [InlineData("2025-09-26", "2025-10-13", ExchangeStatus.Ok)]
    public void a_buyer_may_sell_again_only_from_the_fifth_trading_day_after_the_buy(string bought, string selling, ExchangeStatus expected)
    {
        var m = BobBoughtOn(DateOnly.Parse(bought, System.Globalization.CultureInfo.InvariantCulture));
        m.Now = At(DateOnly.Parse(selling, System.Globalization.CultureInfo.InvariantCulture), 10, 30);
        Assert.Equal(expected, m.Post(Bob, Side.Sell, 5_000, 5));
    }

    [Fact]
    public void a_seller_may_not_buy_back_within_five_trading_days_and_taking_counts_as_trading()
    {
        var m = BobBoughtOn(Day);
        m.Post(Carol, Side.Buy, 4_900, 10);
        Assert.Equal(ExchangeStatus.FiveDayRule, m.TakeBest(Side.Buy, Bob, 5)); // Bob would sell
        Assert.Equal(ExchangeStatus.FiveDayRule, m.Post(Alice, Side.Buy, 4_800, 5)); // Alice sold today
        Assert.Equal(ExchangeStatus.Ok, m.Post(Bob, Side.Buy, 4_800, 5)); // buying again is no opposite trade
    }

    [Fact]
    public void an_open_listing_on_the_other_side_blocks_the_opposite_side()
    {
        var m = new MarketDriver();
        Assert.Equal(ExchangeStatus.Ok, m.Post(Alice, Side.Buy, 4_900, 10));
        Assert.Equal(ExchangeStatus.FiveDayRule, m.Post(Alice, Side.Sell, 5_100, 10));
    }

    [Fact]
    public void the_five_day_rule_can_be_switched_off()
    {
        var m = new MarketDriver(MarketRules.Default with { Risk = RiskLimits.Default with { OppositeTradeTradingDays = 0 } });
        m.Post(Alice, Side.Sell, 5_000, 10);
        m.TakeBest(Side.Sell, Bob, 10);
        Assert.Equal(ExchangeStatus.Ok, m.Post(Bob, Side.Sell, 5_100, 10));
    }

    [Fact]
    public void buys_beyond_the_position_limit_are_refused_counting_open_buys()
    {
        var m = new MarketDriver(MarketRules.Default with { Risk = RiskLimits.Default with { PositionLimitTonnes = 1_000 } });
        var holding = new ParticipantPosition(T(0), new Money(100_000_000), T(900));
        Assert.Equal(ExchangeStatus.Ok, m.Post(Bob, Side.Buy, 4_900, 60, holding));
        Assert.Equal(ExchangeStatus.PositionLimit, m.Post(Bob, Side.Buy, 4_800, 41, holding));
        Assert.Equal(ExchangeStatus.Ok, m.Post(Bob, Side.Buy, 4_800, 40, holding));
        Assert.Equal(ExchangeStatus.Ok, m.Post(Carol, Side.Sell, 5_000, 10)); // sells are never limited
    }

    [Fact]
    public void reaching_the_large_holder_threshold_is_reported_not_refused()
    {
        var m = new MarketDriver(MarketRules.Default with { Risk = RiskLimits.Default with { LargeHolderThresholdTonnes = 500 } });
        m.Post(Alice, Side.Sell, 5_000, 300);
        Assert.Equal(ExchangeStatus.Ok, m.TakeBest(Side.Sell, Bob, 100, new ParticipantPosition(T(0), new Money(10_000_000), T(350))));
        Assert.Empty(m.All<LargeHolderReported>());
        Assert.Equal(ExchangeStatus.Ok, m.TakeBest(Side.Sell, Bob, 100, new ParticipantPosition(T(0), new Money(10_000_000), T(450))));
        Assert.Equal(new LargeHolderReported(m.Now, Bob, T(550), T(500)), m.All<LargeHolderReported>().Single());
    }

    [Fact]
    public void a_suspended_instrument_refuses_trading_until_resumed()
    {
        var m = new MarketDriver();
        m.Post(Alice, Side.Sell, 5_000, 10);
        Assert.Equal(ExchangeStatus.Ok, m.Run(new SuspendInstrument("price manipulation inquiry")));
        Assert.Equal(ExchangeStatus.InstrumentSuspended, m.Run(new SuspendInstrument("again")));
        Assert.Equal(ExchangeStatus.InstrumentSuspended, m.Post(Alice, Side.Sell, 5_000, 10));
        Assert.Equal(ExchangeStatus.InstrumentSuspended, m.TakeBest(Side.Sell, Bob, 10));
        Assert.Equal(ExchangeStatus.Ok, m.Run(new CancelListing(new OrderId(1), Alice)));
        Assert.Equal(ExchangeStatus.Ok, m.Run(new ResumeInstrument()));
        Assert.Equal(ExchangeStatus.InstrumentNotSuspended, m.Run(new ResumeInstrument()));
        Assert.Equal(ExchangeStatus.Ok, m.Post(Alice, Side.Sell, 5_000, 10));
    }

    [Fact]
    public void a_restricted_subject_cannot_trade_until_the_restriction_is_lifted()
    {
        var m = new MarketDriver();
        m.Post(Alice, Side.Sell, 5_000, 10);
        Assert.Equal(ExchangeStatus.Ok, m.Run(new RestrictSubject(Bob, "court order")));
        Assert.Equal(ExchangeStatus.SubjectRestricted, m.Run(new RestrictSubject(Bob, "again")));
        Assert.Equal(ExchangeStatus.SubjectRestricted, m.TakeBest(Side.Sell, Bob, 10));
        Assert.Equal(ExchangeStatus.SubjectRestricted, m.Post(Bob, Side.Buy, 4_900, 10));
        Assert.Equal(ExchangeStatus.Ok, m.Run(new LiftSubjectRestriction(Bob)));
        Assert.Equal(ExchangeStatus.SubjectNotRestricted, m.Run(new LiftSubjectRestriction(Bob)));
        Assert.Equal(ExchangeStatus.Ok, m.TakeBest(Side.Sell, Bob, 10));
    }

    [Fact]
    public void trades_between_related_accounts_are_flagged()
    {
        var m = new MarketDriver(MarketRules.Default with { Related = new RelatedAccounts([(Bob, Alice)]) });
        m.Post(Alice, Side.Sell, 5_000, 10);
        m.TakeBest(Side.Sell, Carol, 5);
        m.TakeBest(Side.Sell, Bob, 5);
        var flag = m.All<SurveillanceFlagged>().Single();
        Assert.Equal((SurveillanceKind.RelatedAccounts, Bob, (ParticipantId?)Alice, (TradeId?)new TradeId(2)), (flag.Kind, flag.Participant, flag.Counterparty, flag.Trade));
    }

    [Fact]
    public void many_cancels_in_a_short_window_are_flagged_as_order_then_cancel()
    {
        var m = new MarketDriver(MarketRules.Default with { Risk = RiskLimits.Default with { CancelPatternCount = 3, CancelPatternWindowSeconds = 10 } });
        void PostAndCancel(int second)
        {
            m.Now = At(10, 0, second);
            m.Post(Alice, Side.Sell, 5_000, 1);
            Assert.Equal(ExchangeStatus.Ok, m.Run(new CancelListing(m.Market.Listings.Listings(Side.Sell)[0].Id, Alice)));
        }

        PostAndCancel(0);
        PostAndCancel(5);
        PostAndCancel(11); // the first cancel has left the window
        Assert.Empty(m.All<SurveillanceFlagged>());
        PostAndCancel(12);
        Assert.Equal(SurveillanceKind.OrderThenCancel, m.All<SurveillanceFlagged>().Single().Kind);
    }
}
