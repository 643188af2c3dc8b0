namespace OpenCcer.Core.Exchange;

/// <summary>The rule sets one market runs with; each part documents its own defaults.</summary>
public sealed record MarketRules
{
    public static readonly MarketRules Default = new();

    public ListingRules Listing { get; init; } = ListingRules.Default;

    public BulkRules Bulk { get; init; } = BulkRules.Default;

    public BiddingRules Bidding { get; init; } = BiddingRules.Default;

    public RiskLimits Risk { get; init; } = RiskLimits.Default;

    public FeeSchedule Fees { get; init; } = FeeSchedule.Default;

    /// <summary>Related subjects for surveillance (data, not configuration); none by default.</summary>
    public RelatedAccounts Related { get; init; } = RelatedAccounts.None;

    /// <summary>Depth levels per side in market data: 5 (T 33).</summary>
    public int DepthLevels { get; init; } = 5;
}
