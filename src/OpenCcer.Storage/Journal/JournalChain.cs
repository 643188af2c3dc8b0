namespace OpenCcer.Storage.Journal;

/// <summary>
/// The journal kernel a writer keeps in memory: the head of its hash chain and its idempotency index, both
/// moved only by durable rows. Rows are appended from <see cref="Head"/> (<see cref="JournalHead.Append"/>),
/// written, and then <see cref="Commit"/>ted; while loading, each stored row is <see cref="Replay"/>ed, which
/// refuses a row that does not follow. Shared by the registry's and the exchange's writers.
/// </summary>
public sealed class JournalChain
{
    private readonly OperationIndex index = new();
    private long sequence;

    /// <summary>The last durable row's sequence and hash.</summary>
    public JournalHead Head { get; private set; } = JournalHead.Genesis;

    /// <summary>The last durable row's sequence, safe to read from any thread.</summary>
    public long Sequence => Volatile.Read(ref sequence);

    /// <summary>How <paramref name="operationId"/> is to be answered (see <see cref="OperationIndex.Answer"/>).</summary>
    public IdempotencyAnswer Answer(string operationId, string requestHash) => index.Answer(operationId, requestHash);

    /// <summary>Whether <paramref name="operationId"/> is committed.</summary>
    public bool Contains(string operationId) => index.Contains(operationId);

    /// <summary>The first request's fingerprint and row when <paramref name="operationId"/> is committed.</summary>
    public bool TryGetCommitted(string operationId, out (string RequestHash, long Sequence) first) => index.TryGet(operationId, out first);

    /// <summary>
    /// Takes the next stored row while loading. False, changing nothing, when it does not follow the head
    /// (sequence, previous hash) or its hash does not match its contents: the caller reports the corruption.
    /// </summary>
    public bool Replay(ChainLink link)
    {
        if (!Head.IsFollowedBy(link)) return false;
        Advance(link);
        return true;
    }

    /// <summary>
    /// Records rows as durable: their operation ids enter the index and the head moves to the last. Throws
    /// when they do not follow the head, which means memory changed between the append and the commit.
    /// </summary>
    public void Commit(IReadOnlyList<ChainLink> links)
    {
        ArgumentNullException.ThrowIfNull(links);
        if (links.Count == 0) return;
        var expected = Head;
        foreach (var link in links)
        {
            if (link.Sequence != expected.Sequence + 1 || link.PreviousHash != expected.Hash)
                throw new InvalidOperationException($"Rows from {link.Sequence} do not follow the head at {expected.Sequence}: the memory changed since the batch ran.");
            expected = link.Head;
        }
        foreach (var link in links) Advance(link);
    }

    /// <summary>Records one durable row (see <see cref="Commit(IReadOnlyList{ChainLink})"/>).</summary>
    public void Commit(ChainLink link) => Commit([link]);

    private void Advance(ChainLink link)
    {
        index.Record(link);
        Head = link.Head;
        Volatile.Write(ref sequence, link.Sequence);
    }
}
