namespace OpenCcer.Core.Exchange;

/// <summary>The side of a listing, proposal or bid. Stable values: stored and journaled.</summary>
public enum Side
{
    Buy = 1,
    Sell = 2,
}
