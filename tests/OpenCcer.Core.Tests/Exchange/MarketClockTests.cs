using OpenCcer.Core.Exchange;
using static OpenCcer.Core.Tests.Exchange.ExchangeFixture;

namespace OpenCcer.Core.Tests.Exchange;

public sealed class MarketClockTests
{
    [Theory]
    [InlineData("2025-03-04 09:29", SessionStatus.BeforeOpen)]
    [InlineData("2025-03-04 09:30", SessionStatus.Open)]
    [InlineData("2025-03-04 11:30", SessionStatus.Break)]
    [InlineData("2025-03-04 13:00", SessionStatus.Open)]
    [InlineData("2025-03-04 15:00", SessionStatus.AfterClose)]
    [InlineData("2025-03-08 10:00", SessionStatus.NotTradingDay)]
    [InlineData("2025-09-28 10:00", SessionStatus.NotTradingDay)] // make-up working Sunday
    [InlineData("2030-03-04 10:00", SessionStatus.CalendarUnknown)]
    public void session_status_follows_china_standard_time_and_trading_days(string local, SessionStatus expected)
    {
        Assert.Equal(expected, Clock.StatusAt(At(local)));
    }

    [Fact]
    public void an_instant_in_utc_is_read_in_china_standard_time()
    {
        var utc = new DateTimeOffset(2025, 3, 4, 1, 30, 0, TimeSpan.Zero); // 09:30 in Beijing
        Assert.Equal(SessionStatus.Open, Clock.StatusAt(utc));
        Assert.Equal(SessionStatus.BeforeOpen, Clock.StatusAt(utc.AddTicks(-1)));
    }

    [Fact]
    public void bulk_sessions_default_to_the_afternoon_only()
    {
        Assert.Equal(SessionStatus.BeforeOpen, Clock.BulkStatusAt(At("2025-03-04 10:00")));
        Assert.Equal(SessionStatus.Open, Clock.BulkStatusAt(At("2025-03-04 13:00")));
    }

    [Fact]
    public void sessions_are_configurable_but_must_be_ordered_and_disjoint()
    {
        var clock = new MarketClock(PrcCalendar, [new TradingSession(new TimeOnly(9, 0), new TimeOnly(16, 0))], [TradingSession.Afternoon]);
        Assert.Equal(SessionStatus.Open, clock.StatusAt(At("2025-03-04 15:30")));
        Assert.Throws<ArgumentException>(() => new MarketClock(PrcCalendar, [TradingSession.Afternoon, TradingSession.Morning], [TradingSession.Afternoon]));
    }

    [Fact]
    public void the_close_of_a_trading_day_is_the_end_of_its_last_session()
    {
        Assert.Equal(At("2025-03-04 15:00"), Clock.CloseOf(Day));
    }
}
