using OpenCcer.Core.Primitives;

namespace OpenCcer.Core.Exchange;

/// <summary>A bulk agreement was proposed to a named counterparty; the proposer's side is reserved.</summary>
public sealed record BulkProposed(
    DateTimeOffset At, OrderId Proposal, ParticipantId Proposer, ParticipantId Counterparty, Side ProposerSide,
    PricePerTonne Price, Tonnes Quantity, Tonnes UnitsReserved, Money FundsReserved) : ExchangeEvent(At);

/// <summary>The counterparty confirmed: one trade. <see cref="FundsReleased"/> is the proposer's unused buy reservation.</summary>
public sealed record BulkConfirmed(DateTimeOffset At, OrderId Proposal, Money FundsReleased, Trade Trade) : ExchangeEvent(At);

/// <summary>The counterparty declined; the proposer's reservation is released.</summary>
public sealed record BulkDeclined(DateTimeOffset At, OrderId Proposal, Tonnes UnitsReleased, Money FundsReleased) : ExchangeEvent(At);

/// <summary>An unanswered proposal expired at the close; the proposer's reservation is released.</summary>
public sealed record BulkExpired(DateTimeOffset At, OrderId Proposal, Tonnes UnitsReleased, Money FundsReleased) : ExchangeEvent(At);
