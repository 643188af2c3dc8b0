using OpenCcer.Storage.Journal;

namespace OpenCcer.Storage;

/// <summary>
/// What one batch did in the writer's memory: the journal rows to commit (sequence numbers and hash chain
/// continuing from the memory's head; empty when every command was refused, replayed or a conflict) and
/// one answer per command of the batch, in its order. The answers hold only once the rows are durable.
/// </summary>
public sealed record BatchResult(IReadOnlyList<JournalEntry> Entries, IReadOnlyList<Submission> Submissions);
