namespace OpenCcer.Storage.Journal;

/// <summary>
/// The end of a hash chain: the sequence of its last row (0 when empty) and that row's hash
/// (<see cref="JournalHash.Genesis"/> when empty). The one place a journal row gets its sequence, previous
/// hash and hash: every journal appends through <see cref="Append"/>.
/// </summary>
public readonly record struct JournalHead(long Sequence, string Hash)
{
    /// <summary>The head of an empty journal.</summary>
    public static readonly JournalHead Genesis = new(0, JournalHash.Genesis);

    /// <summary>The next row after this head: sequence + 1, linked to this head's hash.</summary>
    public ChainLink Append(string operationId, string requestHash, string kind, string body, string recordedAt)
    {
        var next = checked(Sequence + 1);
        return new ChainLink(next, operationId, requestHash, kind, body, recordedAt, Hash,
            JournalHash.Of(Hash, next, operationId, requestHash, kind, body, recordedAt));
    }

    /// <summary>True when <paramref name="link"/> is the row right after this head and its hash is sound.</summary>
    public bool IsFollowedBy(ChainLink link) => link.Sequence == Sequence + 1 && link.PreviousHash == Hash && link.IsValid;
}
