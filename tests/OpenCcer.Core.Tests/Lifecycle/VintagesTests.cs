using CsCheck;
using OpenCcer.Core.Lifecycle;
using OpenCcer.Core.Primitives;
using static OpenCcer.Core.Tests.Lifecycle.Fixture;

namespace OpenCcer.Core.Tests.Lifecycle;

public sealed class VintagesTests
{
    [Fact]
    public void a_period_inside_one_year_is_one_vintage()
    {
        var period = new MonitoringPeriod(D("2025-03-01"), D("2025-08-31"));

        var share = Assert.Single(Vintages.Split(period, new Tonnes(6_170)));

        Assert.Equal(new VintageShare(2025, period, new Tonnes(6_170)), share);
    }

    [Fact]
    public void a_period_across_new_year_is_split_by_days_with_the_remainder_to_the_last_year()
    {
        // 31 days in each year: 1001 × 31 / 62 = 500.5, rounded down to 500; the last year takes 501.
        var shares = Vintages.Split(new MonitoringPeriod(D("2024-12-01"), D("2025-01-31")), new Tonnes(1_001));

        Assert.Equal(
            [
                new VintageShare(2024, new MonitoringPeriod(D("2024-12-01"), D("2024-12-31")), new Tonnes(500)),
                new VintageShare(2025, new MonitoringPeriod(D("2025-01-01"), D("2025-01-31")), new Tonnes(501)),
            ],
            shares.ToArray());
    }

    [Fact]
    public void shares_tile_the_period_and_sum_exactly_to_the_quantity()
    {
        Gen.Select(Gen.Int[0, 3650], Gen.Int[0, 3650], Gen.Long[0, 10_000_000_000]).Sample(t =>
        {
            var (offset, length, quantity) = t;
            var first = new DateOnly(2020, 9, 23).AddDays(offset);
            var period = new MonitoringPeriod(first, first.AddDays(length));

            var shares = Vintages.Split(period, new Tonnes(quantity));

            Assert.Equal(quantity, shares.Sum(s => s.Quantity.Value));
            Assert.All(shares, s => Assert.True(s.Quantity.Value >= 0));
            Assert.Equal(period.First, shares[0].Part.First);
            Assert.Equal(period.Last, shares[^1].Part.Last);
            for (var i = 1; i < shares.Length; i++)
            {
                Assert.Equal(shares[i - 1].Part.Last.AddDays(1), shares[i].Part.First);
                Assert.Equal(shares[i - 1].Vintage + 1, shares[i].Vintage);
            }

            Assert.All(shares, s => Assert.Equal(s.Vintage, s.Part.First.Year));
            Assert.All(shares, s => Assert.Equal(s.Vintage, s.Part.Last.Year));
        });
    }
}
