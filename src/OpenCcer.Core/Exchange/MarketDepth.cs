using OpenCcer.Core.Primitives;

namespace OpenCcer.Core.Exchange;

/// <summary>
/// The best levels of the board (T 33), default five per side: <see cref="Bids"/> highest price first,
/// <see cref="Asks"/> lowest first. Order imbalance is computed over the levels shown.
/// </summary>
public sealed record MarketDepth(IReadOnlyList<DepthLevel> Bids, IReadOnlyList<DepthLevel> Asks)
{
    /// <summary>Σ open quantity of the bid levels shown.</summary>
    public Tonnes BidTotal => Sum(Bids);

    /// <summary>Σ open quantity of the ask levels shown.</summary>
    public Tonnes AskTotal => Sum(Asks);

    /// <summary>委差: Σbid − Σask, in tonnes.</summary>
    public Tonnes Difference => BidTotal - AskTotal;

    /// <summary>
    /// 委比: (Σbid − Σask) / (Σbid + Σask) in basis points, −10,000..10,000; zero when both sides are
    /// empty. Integer division rounded half away from zero, so the value is symmetric between sides.
    /// </summary>
    public int ImbalanceBasisPoints => Imbalance(BidTotal.Value, AskTotal.Value);

    public static int Imbalance(long bid, long ask)
    {
        var total = checked(bid + ask);
        if (total == 0)
        {
            return 0;
        }

        var scaled = checked((bid - ask) * (long)FeeSchedule.BasisPointsPerUnit);
        var magnitude = ((Math.Abs(scaled) * 2) + total) / (2 * total);
        return (int)(scaled < 0 ? -magnitude : magnitude);
    }

    /// <summary>Whether both sides list the same levels, in order.</summary>
    public bool SameLevelsAs(MarketDepth other) => Bids.SequenceEqual(other.Bids) && Asks.SequenceEqual(other.Asks);

    private static Tonnes Sum(IReadOnlyList<DepthLevel> levels)
    {
        var total = Tonnes.Zero;
        foreach (var level in levels)
        {
            total += level.Quantity;
        }

        return total;
    }
}
