using OpenCcer.Core.Registry;

namespace OpenCcer.Storage;

/// <summary>
/// The answer to one submitted operation. <see cref="Replayed"/>: the operation id was already
/// committed with the same request, and <see cref="Result"/> is the first result.
/// <see cref="IdempotencyConflict"/>: the id was used before for a different request; nothing was done.
/// <see cref="Denial"/>: the command's guard refused it; nothing was done and <see cref="Result"/> means nothing.
/// </summary>
public sealed record Submission(LedgerResult Result, long? Sequence, bool Replayed, bool IdempotencyConflict)
{
    public LedgerStatus Status => Result.Status;

    /// <summary>What the guard answered when it refused the command (see <see cref="BatchCommand.Guard"/>).</summary>
    public object? Denial { get; init; }

    /// <summary>A command its guard refused with <paramref name="denial"/>.</summary>
    public static Submission Denied(object denial) =>
        new(new LedgerResult(LedgerStatus.Ok), null, Replayed: false, IdempotencyConflict: false) { Denial = denial };
}
