namespace OpenCcer.Storage.Compliance;

/// <summary>The journal row that recorded an event: its sequence number, hash and time.</summary>
public sealed record JournalStamp(long Sequence, string Hash, string RecordedAt);
