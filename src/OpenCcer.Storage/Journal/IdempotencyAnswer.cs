namespace OpenCcer.Storage.Journal;

/// <summary>The answer for an operation id, with the journal row of the first request when it is a replay.</summary>
public readonly record struct IdempotencyAnswer(IdempotencyKind Kind, long Sequence)
{
    public static readonly IdempotencyAnswer New = new(IdempotencyKind.New, 0);

    public static readonly IdempotencyAnswer Conflict = new(IdempotencyKind.Conflict, 0);

    public static IdempotencyAnswer Replay(long sequence) => new(IdempotencyKind.Replay, sequence);
}
