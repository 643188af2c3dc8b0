namespace OpenCcer.Core.Exchange;

/// <summary>How accepted bids of a one-way bidding are priced (T 15, CONFIGURABLE). Stable values.</summary>
public enum BiddingPricing
{
    /// <summary>Every accepted bid pays the clearing price: the least favourable accepted bid price.</summary>
    Uniform = 1,

    /// <summary>Every accepted bid pays its own price.</summary>
    PayAsBid = 2,
}
