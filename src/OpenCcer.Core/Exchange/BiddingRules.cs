namespace OpenCcer.Core.Exchange;

/// <summary>The configurable rules of one-way bidding (单向竞价, T 15).</summary>
public sealed record BiddingRules
{
    public static readonly BiddingRules Default = new();

    /// <summary>How accepted bids are priced when an announcement does not say (CONFIGURABLE, default uniform).</summary>
    public BiddingPricing DefaultPricing { get; init; } = BiddingPricing.Uniform;

    /// <summary>Bids one bidding accepts (a bound on growth).</summary>
    public int BidsPerBiddingMax { get; init; } = 10_000;

    /// <summary>Biddings open at the same time in one instrument (a bound on growth).</summary>
    public int OpenBiddingsMax { get; init; } = 100;

    /// <summary>Largest quantity announced, in tonnes.</summary>
    public long QuantityMaxTonnes { get; init; } = 1_000_000_000;
}
