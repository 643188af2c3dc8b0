namespace OpenCcer.Core.Exchange;

/// <summary>
/// The outcome of one venue command: its status (and the market's, when a market ran it), the market
/// events, the unit effects for the registry, the trades it made and the trades it settled.
/// </summary>
public sealed record VenueResult(
    VenueStatus Status,
    ExchangeStatus MarketStatus,
    IReadOnlyList<ExchangeEvent> Events,
    IReadOnlyList<UnitEffect> UnitEffects,
    IReadOnlyList<PendingTrade> Settled)
{
    public bool IsOk => Status == VenueStatus.Ok;

    public static VenueResult Refused(VenueStatus status) => new(status, ExchangeStatus.Ok, [], [], []);
}
