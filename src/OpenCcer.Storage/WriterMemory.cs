using OpenCcer.Core.Registry;
using OpenCcer.Storage.Journal;
using OpenCcer.Storage.Projections;

namespace OpenCcer.Storage;

/// <summary>
/// The registry writer's memory and its batch step, with no I/O and no clock: the live <see cref="Ledger"/>,
/// the committed operation ids, and the head of the journal (sequence and hash). <see cref="RegistryEngine"/>
/// drives it against a store; the write-path simulation drives the same code against an in-memory store
/// that injects faults, so the two cannot drift apart.
/// <para>
/// The protocol: <see cref="Execute"/> a batch (the ledger changes at once); when its rows are durable,
/// <see cref="Commit"/> them and answer the callers; when the commit failed, or may have, throw this memory
/// away and <see cref="Replay"/> the durable journal into a new one. Memory never runs ahead of what is durable
/// for longer than one commit.
/// </para>
/// </summary>
public sealed class WriterMemory
{
    private readonly Dictionary<string, (string RequestHash, long Sequence)> committed = new(StringComparer.Ordinal);
    private long sequence;
    private bool replaying = true;

    /// <summary>The live ledger. Change it only through <see cref="Execute"/> (or a <see cref="LedgerSession"/>).</summary>
    public Ledger Ledger { get; } = new();

    /// <summary>The sequence number of the last committed journal row (0 for an empty journal).</summary>
    public long Sequence => Volatile.Read(ref sequence);

    /// <summary>The hash of the last committed journal row (<see cref="JournalHash.Genesis"/> for an empty journal).</summary>
    public string HeadHash { get; private set; } = JournalHash.Genesis;

    /// <summary>Committed operation ids with their request hash and journal row, shared with a <see cref="LedgerSession"/>.</summary>
    internal Dictionary<string, (string RequestHash, long Sequence)> Committed => committed;

    /// <summary>Whether <paramref name="operationId"/> is committed; the first request's hash and row when it is.</summary>
    public bool TryGetCommitted(string operationId, out (string RequestHash, long Sequence) first) => committed.TryGetValue(operationId, out first);

    /// <summary>
    /// Applies the next durable journal row while loading, checking the hash chain; throws
    /// <see cref="LedgerCorruptException"/> when the row does not follow the head.
    /// </summary>
    public void Replay(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!replaying) throw new InvalidOperationException("Replay only while loading, before the first batch.");
        if (entry.Sequence != sequence + 1 || entry.PreviousHash != HeadHash || !JournalHash.IsValid(entry))
            throw new LedgerCorruptException($"Journal row {entry.Sequence} breaks the hash chain; run `ccer verify`.");
        Ledger.Apply(EventJson.Deserialize(entry.EventJson));
        committed[entry.OperationId] = (entry.RequestHash, entry.Sequence);
        Volatile.Write(ref sequence, entry.Sequence);
        HeadHash = entry.Hash;
    }

    /// <summary>
    /// Runs one batch at <paramref name="at"/>: a command whose guard denies it is answered with the denial
    /// (see <see cref="BatchCommand.Guard"/>); a committed id answers as a replay of its first request (same
    /// request hash) or as a conflict (another); an id seen earlier in the same batch gets the answer of its
    /// first occurrence (a replay of it when the request is the same); any other command executes on the
    /// ledger and, when accepted, gets the next journal row, stamped <paramref name="at"/>. Refused commands
    /// change nothing. The rows are not committed until <see cref="Commit"/>.
    /// </summary>
    public BatchResult Execute(IReadOnlyList<BatchCommand> batch, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(batch);
        StartTracking();
        var recordedAt = EventJson.Timestamp(at);
        var entries = new List<JournalEntry>();
        var submissions = new Submission[batch.Count];
        var inBatch = new Dictionary<string, int>(StringComparer.Ordinal);
        var seq = sequence;
        var hash = HeadHash;
        for (var i = 0; i < batch.Count; i++)
        {
            var p = batch[i];
            if (p.Guard?.Invoke(Ledger) is { } denial)
            {
                submissions[i] = Submission.Denied(denial);
                continue;
            }
            if (committed.TryGetValue(p.OperationId, out var done))
            {
                submissions[i] = done.RequestHash == p.RequestHash
                    ? new Submission(new LedgerResult(LedgerStatus.Ok), done.Sequence, Replayed: true, IdempotencyConflict: false)
                    : Conflict();
                continue;
            }
            if (inBatch.TryGetValue(p.OperationId, out var first))
            {
                var o = submissions[first];
                submissions[i] = batch[first].RequestHash == p.RequestHash ? o with { Replayed = o.Result.IsOk } : Conflict();
                continue;
            }
            var result = Ledger.Execute(p.Command, at);
            inBatch[p.OperationId] = i;
            if (result.Event is null)
            {
                submissions[i] = new Submission(result, null, Replayed: false, IdempotencyConflict: false);
                continue;
            }
            seq++;
            var json = EventJson.Serialize(result.Event);
            var kind = EventJson.KindOf(result.Event);
            var entryHash = JournalHash.Of(hash, seq, p.OperationId, p.RequestHash, kind, json, recordedAt);
            entries.Add(new JournalEntry(seq, p.OperationId, p.RequestHash, kind, json, recordedAt, hash, entryHash));
            hash = entryHash;
            submissions[i] = new Submission(result, seq, Replayed: false, IdempotencyConflict: false);
        }
        if (entries.Count == 0) Ledger.TakeChanges();
        return new BatchResult(entries, submissions);
    }

    /// <summary>The projection rows changed since the last batch or session began, to write with its journal rows.</summary>
    public ProjectionSet TakeProjectionChanges() => ProjectionSet.FromChanges(Ledger, Ledger.TakeChanges());

    /// <summary>Forgets the changes tracked since the last batch or session began (nothing of them is to be written).</summary>
    public void DiscardChanges() => Ledger.TakeChanges();

    /// <summary>Records rows as durable: their operation ids become committed and the head moves to the last row.</summary>
    public void Commit(IReadOnlyList<JournalEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0) return;
        if (entries[0].Sequence != sequence + 1 || entries[0].PreviousHash != HeadHash)
            throw new InvalidOperationException($"Rows from {entries[0].Sequence} do not follow the head at {sequence}: the memory changed since the batch ran.");
        foreach (var e in entries) committed[e.OperationId] = (e.RequestHash, e.Sequence);
        Volatile.Write(ref sequence, entries[^1].Sequence);
        HeadHash = entries[^1].Hash;
    }

    /// <summary>A session on this memory for work that commits ledger rows with rows of its own.</summary>
    internal LedgerSession Session(DateTimeOffset at)
    {
        StartTracking();
        return new LedgerSession(Ledger, at, sequence, HeadHash, committed);
    }

    private void StartTracking()
    {
        if (!replaying) return;
        replaying = false;
        Ledger.TrackChanges = true;
    }

    private static Submission Conflict() => new(new LedgerResult(LedgerStatus.Ok), null, Replayed: false, IdempotencyConflict: true);
}
