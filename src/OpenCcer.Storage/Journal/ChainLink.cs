namespace OpenCcer.Storage.Journal;

/// <summary>
/// What the hash chain covers of one journal row, whichever journal it is in: its sequence, the operation id
/// and request fingerprint it was written under, its kind, its body and when it was recorded, linked to the
/// row before by <see cref="PreviousHash"/>. <see cref="Hash"/> = <see cref="JournalHash.Of"/> over the rest.
/// Each journal maps its own columns onto these fields (the exchange's body is its command and result, a
/// lifecycle row's operation id is its stream); the mapping is fixed, as every stored hash depends on it.
/// </summary>
public readonly record struct ChainLink(
    long Sequence,
    string OperationId,
    string RequestHash,
    string Kind,
    string Body,
    string RecordedAt,
    string PreviousHash,
    string Hash)
{
    /// <summary>The head of the chain once this row is its last.</summary>
    public JournalHead Head => new(Sequence, Hash);

    /// <summary>True when <see cref="Hash"/> is the hash of this row's contents.</summary>
    public bool IsValid => Hash == JournalHash.Of(PreviousHash, Sequence, OperationId, RequestHash, Kind, Body, RecordedAt);
}
