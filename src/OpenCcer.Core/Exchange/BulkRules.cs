namespace OpenCcer.Core.Exchange;

/// <summary>The configurable rules of bulk agreements (大宗协议, T 14, 16).</summary>
public sealed record BulkRules
{
    public static readonly BulkRules Default = new();

    /// <summary>Half-width of the price band around the base price, in basis points: 3,000 = ±30% (T 16).</summary>
    public int PriceLimitBasisPoints { get; init; } = 3_000;

    /// <summary>Smallest quantity of one proposal, in tonnes: 100,000 t as on the national ETS (T 14, CONFIGURABLE).</summary>
    public long QuantityMinTonnes { get; init; } = 100_000;

    /// <summary>Largest quantity of one proposal, in tonnes (a bound on growth).</summary>
    public long QuantityMaxTonnes { get; init; } = 1_000_000_000;

    /// <summary>Open proposals one participant may have in one instrument at a time.</summary>
    public int OpenProposalsPerParticipantMax { get; init; } = 50;
}
