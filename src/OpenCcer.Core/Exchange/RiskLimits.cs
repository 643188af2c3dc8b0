namespace OpenCcer.Core.Exchange;

/// <summary>
/// The configurable risk controls (T 29, T 36-44). A null limit is switched off.
/// </summary>
public sealed record RiskLimits
{
    public static readonly RiskLimits Default = new();

    /// <summary>
    /// The 5-trading-day rule (T 29): a subject that bought the instrument on trading day D may sell it
    /// again only once at least this many trading days d with D &lt; d have passed, that is from the
    /// 5th trading day after D; symmetrically for a buy after a sale. 0 switches the rule off.
    /// </summary>
    public int OppositeTradeTradingDays { get; init; } = 5;

    /// <summary>Most tonnes of the instrument one subject may hold, counting open buys (T 38, CONFIGURABLE; off by default).</summary>
    public long? PositionLimitTonnes { get; init; }

    /// <summary>Holding from which a subject is reported as a large holder (T 38, CONFIGURABLE; off by default). A report, not a refusal.</summary>
    public long? LargeHolderThresholdTonnes { get; init; }

    /// <summary>Cancels by one subject within <see cref="CancelPatternWindowSeconds"/> that raise an order-then-cancel flag.</summary>
    public int CancelPatternCount { get; init; } = 20;

    /// <summary>The window of the order-then-cancel pattern, in seconds.</summary>
    public int CancelPatternWindowSeconds { get; init; } = 60;
}
