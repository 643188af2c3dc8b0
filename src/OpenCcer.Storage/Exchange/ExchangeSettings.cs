using OpenCcer.Core.Calendar;
using OpenCcer.Core.Exchange;

namespace OpenCcer.Storage.Exchange;

/// <summary>
/// What a replay of the exchange journal needs besides the journal: whether the venue ran on the always-open
/// demo clock (else the standard clock of the store's calendar) and the trading fee. Recorded when the
/// exchange first starts; an engine configured otherwise refuses to start on that store.
/// </summary>
public sealed record ExchangeSettings(bool AlwaysOpenDemo, int FeeBasisPoints)
{
    public static ExchangeSettings Of(MarketClock clock, MarketRules rules) => new(clock.AlwaysOpen, rules.Fees.RateBasisPoints);

    public MarketClock Clock(WorkingDayCalendar calendar) => AlwaysOpenDemo ? MarketClock.AlwaysOpenDemo() : MarketClock.Standard(calendar);

    /// <summary>The default rules with this fee: the only rule the server lets configuration change.</summary>
    public MarketRules Rules() => MarketRules.Default with { Fees = new FeeSchedule(FeeBasisPoints) };
}
