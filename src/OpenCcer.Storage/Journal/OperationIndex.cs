namespace OpenCcer.Storage.Journal;

/// <summary>
/// The idempotency index of a journal: each committed operation id with its request's fingerprint
/// (<see cref="RequestFingerprint"/>) and the journal row of its first result. Filled only from durable rows
/// (on replay, or after a commit), so an answer never rests on a row that may not exist.
/// </summary>
public sealed class OperationIndex
{
    private readonly Dictionary<string, (string RequestHash, long Sequence)> committed = new(StringComparer.Ordinal);

    /// <summary>New when <paramref name="operationId"/> is not committed; else a replay of its first row when
    /// <paramref name="requestHash"/> is the first request's, a conflict when it is not.</summary>
    public IdempotencyAnswer Answer(string operationId, string requestHash)
    {
        if (!committed.TryGetValue(operationId, out var first)) return IdempotencyAnswer.New;
        return first.RequestHash == requestHash ? IdempotencyAnswer.Replay(first.Sequence) : IdempotencyAnswer.Conflict;
    }

    public bool Contains(string operationId) => committed.ContainsKey(operationId);

    /// <summary>The first request's fingerprint and row when <paramref name="operationId"/> is committed.</summary>
    public bool TryGet(string operationId, out (string RequestHash, long Sequence) first) => committed.TryGetValue(operationId, out first);

    /// <summary>Records a durable row; a later row under the same id (which the writers never append) wins, as on replay.</summary>
    public void Record(ChainLink link) => committed[link.OperationId] = (link.RequestHash, link.Sequence);
}
