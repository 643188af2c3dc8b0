namespace OpenCcer.Core.Exchange;

/// <summary>
/// The trading fee (F): a rate in basis points of turnover, charged to each side of every trade.
/// Default 60 bp = 6‰ (CONFIGURABLE).
/// <para>
/// Rounding: the fee of one trade is turnover × rate / 10,000 rounded half-up to the fen, computed in
/// integers: <c>(turnover_fen × rate_bp + 5,000) / 10,000</c>. Turnover is never negative, so half-up
/// and half-away-from-zero agree. Each trade is rounded on its own; fees are never pooled per day.
/// </para>
/// <para>
/// Funds reserved for a buy listing or proposal are <see cref="ReservedFundsPerTonne"/> × open quantity:
/// price plus the fee of one tonne rounded up. Because t × ⌈f⌉ ≥ ⌈t × f⌉ ≥ round(t × f), the part of the
/// reservation consumed by any take of t tonnes always covers that take's price and fee, and the
/// reservation stays proportional to the open quantity.
/// </para>
/// </summary>
public sealed record FeeSchedule(int RateBasisPoints)
{
    public const int BasisPointsPerUnit = 10_000;

    /// <summary>6‰ of turnover each side (F, CONFIGURABLE).</summary>
    public static readonly FeeSchedule Default = new(60);

    public int RateBasisPoints { get; } = RateBasisPoints is >= 0 and <= BasisPointsPerUnit
        ? RateBasisPoints
        : throw new ArgumentOutOfRangeException(nameof(RateBasisPoints), "The fee rate must lie in 0..10,000 basis points.");

    /// <summary>The fee one side pays on a trade of <paramref name="turnover"/>, rounded half-up to the fen.</summary>
    public Money TradingFee(Money turnover)
    {
        if (turnover.Fen < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(turnover), "Turnover is never negative.");
        }

        return new Money(checked((turnover.Fen * RateBasisPoints) + (BasisPointsPerUnit / 2)) / BasisPointsPerUnit);
    }

    /// <summary>What a buyer pays for <paramref name="quantity"/> at <paramref name="price"/>: turnover plus fee.</summary>
    public Money BuyerCost(PricePerTonne price, Primitives.Tonnes quantity)
    {
        var turnover = price.Times(quantity);
        return turnover + TradingFee(turnover);
    }

    /// <summary>Price plus the fee of one tonne rounded up: the funds reserved per open tonne of a buy.</summary>
    public Money ReservedFundsPerTonne(PricePerTonne price) =>
        new(checked(price.Fen + (((price.Fen * RateBasisPoints) + BasisPointsPerUnit - 1) / BasisPointsPerUnit)));
}
