using OpenCcer.Core.Exchange;
using OpenCcer.Core.Primitives;
using static OpenCcer.Core.Tests.Exchange.ExchangeFixture;

namespace OpenCcer.Core.Tests.Exchange;

public sealed class MarketDataTests
{
    private static Trade Listed(long priceFen, long tonnes, TradeMethod method = TradeMethod.ListedAgreement) =>
        new(new TradeId(1), Instrument, Alice, Bob, P(priceFen), T(tonnes), At(10, 0), method, Money.Zero, Money.Zero);

    [Theory]
    [InlineData(0, 0)]
    [InlineData(83, 0)]       // 0.498 fen
    [InlineData(84, 1)]       // 0.504 fen
    [InlineData(249, 1)]      // 1.494 fen
    [InlineData(250, 2)]      // 1.5 fen exactly: half-up
    [InlineData(8_333, 50)]   // 49.998 fen
    [InlineData(1_000_000, 6_000)]
    public void trading_fee_is_six_per_mille_rounded_half_up_to_the_fen(long turnoverFen, long feeFen)
    {
        Assert.Equal(new Money(feeFen), FeeSchedule.Default.TradingFee(new Money(turnoverFen)));
    }

    [Fact]
    public void fee_rate_is_configurable_in_basis_points()
    {
        Assert.Equal(new Money(25), new FeeSchedule(25).TradingFee(new Money(10_000)));
        Assert.Equal(Money.Zero, new FeeSchedule(0).TradingFee(new Money(10_000)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FeeSchedule(-1));
    }

    [Fact]
    public void base_price_is_the_listed_vwap_rounded_half_up()
    {
        var half = DailyBar.Empty(Day).With(Listed(5_000, 1)).With(Listed(5_001, 1)); // 5,000.5
        Assert.Equal(P(5_001), half.NextBasePrice(P(4_000)));
        var third = DailyBar.Empty(Day).With(Listed(5_000, 2)).With(Listed(5_001, 1)); // 5,000.33
        Assert.Equal(P(5_000), third.NextBasePrice(P(4_000)));
        var twoThirds = DailyBar.Empty(Day).With(Listed(5_000, 1)).With(Listed(5_001, 2)); // 5,000.67
        Assert.Equal(P(5_001), twoThirds.NextBasePrice(P(4_000)));
    }

    [Fact]
    public void base_price_is_carried_forward_when_no_listed_trade_happened()
    {
        var bulkOnly = DailyBar.Empty(Day).With(Listed(6_000, 200_000, TradeMethod.BulkAgreement));
        Assert.Equal(P(4_321), bulkOnly.NextBasePrice(P(4_321)));
        Assert.Equal(P(4_321), DailyBar.Empty(Day).NextBasePrice(P(4_321)));
        Assert.Equal(T(200_000), bulkOnly.Volume);
        Assert.Null(bulkOnly.Open);
    }

    [Fact]
    public void daily_bar_tracks_open_high_low_close_volume_and_turnover()
    {
        var bar = DailyBar.Empty(Day).With(Listed(5_000, 2)).With(Listed(5_200, 1)).With(Listed(4_900, 3)).With(Listed(5_100, 1));
        Assert.Equal(
            new DailyBar(Day, P(5_000), P(5_200), P(4_900), P(5_100), T(7), new Money(35_000), T(7), new Money(35_000)),
            bar);
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(300, 100, 5_000)]
    [InlineData(1, 2, -3_333)]
    [InlineData(2, 1, 3_333)]
    [InlineData(1, 0, 10_000)]
    [InlineData(0, 5, -10_000)]
    [InlineData(1, 7, -7_500)]
    [InlineData(2, 1_999_998, -10_000)] // -0.999998 rounds to -1
    [InlineData(3, 59_997, -9_999)]     // -0.9999 exactly
    public void order_imbalance_is_in_basis_points_rounded_half_away_from_zero(long bid, long ask, int expected)
    {
        Assert.Equal(expected, MarketDepth.Imbalance(bid, ask));
    }
}
