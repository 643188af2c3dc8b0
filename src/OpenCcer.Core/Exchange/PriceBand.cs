namespace OpenCcer.Core.Exchange;

/// <summary>
/// The prices allowed around a base price (T 16): <see cref="Lower"/> and <see cref="Upper"/> both
/// inclusive. Each limit is base × (10,000 ∓ width) / 10,000 rounded half-up to the fen, as Chinese
/// exchanges round limit prices to the tick. A price must also be a multiple of the tick.
/// </summary>
public readonly record struct PriceBand(PricePerTonne Lower, PricePerTonne Upper)
{
    public static PriceBand Around(PricePerTonne basePrice, int widthBasisPoints)
    {
        if (!basePrice.IsPositive)
        {
            throw new ArgumentOutOfRangeException(nameof(basePrice), "A base price is positive.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(widthBasisPoints);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(widthBasisPoints, FeeSchedule.BasisPointsPerUnit);
        return new PriceBand(
            new PricePerTonne(RoundHalfUp(checked(basePrice.Fen * (FeeSchedule.BasisPointsPerUnit - widthBasisPoints)))),
            new PricePerTonne(RoundHalfUp(checked(basePrice.Fen * (FeeSchedule.BasisPointsPerUnit + widthBasisPoints)))));
    }

    public bool Contains(PricePerTonne price) => price >= Lower && price <= Upper;

    private static long RoundHalfUp(long scaled) =>
        checked(scaled + (FeeSchedule.BasisPointsPerUnit / 2)) / FeeSchedule.BasisPointsPerUnit;
}
