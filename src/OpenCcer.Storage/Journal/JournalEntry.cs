namespace OpenCcer.Storage.Journal;

/// <summary>
/// One row of the append-only journal: an accepted operation and the event it applied.
/// <see cref="Hash"/> = SHA-256 over the previous row's hash and this row's fields (see
/// <see cref="JournalHash"/>), so altering any row breaks the chain from there on.
/// </summary>
public sealed record JournalEntry(
    long Sequence,
    string OperationId,
    string RequestHash,
    string Kind,
    string EventJson,
    string RecordedAt,
    string PreviousHash,
    string Hash)
{
    /// <summary>The row as a link of the hash chain; its body is the event.</summary>
    public ChainLink Link => new(Sequence, OperationId, RequestHash, Kind, EventJson, RecordedAt, PreviousHash, Hash);

    public static JournalEntry Of(ChainLink link) =>
        new(link.Sequence, link.OperationId, link.RequestHash, link.Kind, link.Body, link.RecordedAt, link.PreviousHash, link.Hash);
}
