using OpenCcer.Core.Exchange;
using OpenCcer.Core.Registry;

namespace OpenCcer.Storage.Exchange;

/// <summary>
/// The answer to one exchange operation. <see cref="Sequence"/> is its exchange journal row (null when it
/// was refused before reaching the venue: <see cref="Refusal"/> or <see cref="LedgerRefusal"/> then says
/// why, and nothing was written). <see cref="Replayed"/>: the operation id was committed before with the
/// same request and this is the first answer. <see cref="IdempotencyConflict"/>: the id was used for a
/// different request; nothing was done.
/// </summary>
public sealed record ExchangeOutcome(
    long? Sequence,
    VenueStatus Status,
    ExchangeStatus MarketStatus,
    LedgerStatus? LedgerRefusal,
    IReadOnlyList<ExchangeEvent> Events,
    IReadOnlyList<PendingTrade> Settled,
    bool Replayed,
    bool IdempotencyConflict)
{
    public bool IsOk => Status == VenueStatus.Ok && LedgerRefusal is null && !IdempotencyConflict;

    public static ExchangeOutcome Refused(VenueStatus status) => new(null, status, ExchangeStatus.Ok, null, [], [], false, false);

    public static ExchangeOutcome RefusedByRegistry(LedgerStatus status) => new(null, VenueStatus.Ok, ExchangeStatus.Ok, status, [], [], false, false);

    public static readonly ExchangeOutcome Conflict = new(null, VenueStatus.Ok, ExchangeStatus.Ok, null, [], [], false, true);
}
