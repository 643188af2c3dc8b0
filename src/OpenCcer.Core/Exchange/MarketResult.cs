namespace OpenCcer.Core.Exchange;

/// <summary>
/// The outcome of one market command: its status and every event, in order. Events of an automatic
/// close of the previous trading day come first and are kept even when the command itself is refused.
/// </summary>
public sealed record MarketResult(ExchangeStatus Status, IReadOnlyList<ExchangeEvent> Events)
{
    public bool IsOk => Status == ExchangeStatus.Ok;
}
