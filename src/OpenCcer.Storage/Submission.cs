using OpenCcer.Core.Registry;

namespace OpenCcer.Storage;

/// <summary>
/// The answer to one submitted operation. <see cref="Replayed"/>: the operation id was already
/// committed with the same request, and <see cref="Result"/> is the first result.
/// <see cref="IdempotencyConflict"/>: the id was used before for a different request; nothing was done.
/// </summary>
public sealed record Submission(LedgerResult Result, long? Sequence, bool Replayed, bool IdempotencyConflict)
{
    public LedgerStatus Status => Result.Status;
}
