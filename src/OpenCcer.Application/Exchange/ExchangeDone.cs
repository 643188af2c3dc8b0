using OpenCcer.Storage.Exchange;

namespace OpenCcer.Application.Exchange;

/// <summary>
/// An accepted exchange operation: its journaled outcome (events, trades, settled trades) and the order it
/// opened (the listing, proposal, bidding or bid, named by its journal sequence), when it opened one.
/// </summary>
public sealed record ExchangeDone(string OperationId, ExchangeOutcome Outcome, long? OrderId)
{
    public long Sequence => Outcome.Sequence!.Value;
}
