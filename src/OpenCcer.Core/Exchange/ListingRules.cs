namespace OpenCcer.Core.Exchange;

/// <summary>
/// The configurable rules of listed agreements (挂牌协议, T 11, 13, 16). Every value is CONFIGURABLE;
/// the defaults are those of the rule book.
/// </summary>
public sealed record ListingRules
{
    public static readonly ListingRules Default = new();

    /// <summary>Half-width of the price band around the base price, in basis points: 1,000 = ±10% (T 16).</summary>
    public int PriceLimitBasisPoints { get; init; } = 1_000;

    /// <summary>Price tick in fen: 1 fen = 0.01 CNY (T 11).</summary>
    public long PriceTickFen { get; init; } = 1;

    /// <summary>Quantity tick in tonnes: 1 t (T 11).</summary>
    public long QuantityTickTonnes { get; init; } = 1;

    /// <summary>Largest quantity of one listing or take, in tonnes (a bound on growth, not a market rule).</summary>
    public long QuantityMaxTonnes { get; init; } = 100_000_000;

    /// <summary>Open listings one participant may have in one instrument at a time.</summary>
    public int OpenListingsPerParticipantMax { get; init; } = 200;

    /// <summary>Price levels one side of a book may span; guards memory against a misconfigured band.</summary>
    public int PriceLevelsMax { get; init; } = 4_000_000;
}
