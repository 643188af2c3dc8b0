using OpenCcer.Core.Primitives;

namespace OpenCcer.Core.Exchange;

/// <summary>An open bulk-agreement proposal to a named counterparty; it lives until confirmed, declined or the close.</summary>
public sealed record BulkProposal(
    OrderId Id, ParticipantId Proposer, ParticipantId Counterparty, Side ProposerSide, PricePerTonne Price, Tonnes Quantity, DateTimeOffset At);
