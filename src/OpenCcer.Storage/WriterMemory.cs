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
    private readonly JournalChain chain = new();
    private bool replaying = true;

    /// <summary>The live ledger. Change it only through <see cref="Execute"/> (or a <see cref="LedgerSession"/>).</summary>
    public Ledger Ledger { get; } = new();

    /// <summary>The sequence number of the last committed journal row (0 for an empty journal).</summary>
    public long Sequence => chain.Sequence;

    /// <summary>The hash of the last committed journal row (<see cref="JournalHash.Genesis"/> for an empty journal).</summary>
    public string HeadHash => chain.Head.Hash;

    /// <summary>Whether <paramref name="operationId"/> is committed; the first request's hash and row when it is.</summary>
    public bool TryGetCommitted(string operationId, out (string RequestHash, long Sequence) first) => chain.TryGetCommitted(operationId, out first);

    /// <summary>
    /// Applies the next durable journal row while loading, checking the hash chain; throws
    /// <see cref="LedgerCorruptException"/> when the row does not follow the head.
    /// </summary>
    public void Replay(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!replaying) throw new InvalidOperationException("Replay only while loading, before the first batch.");
        // A row that does not follow stops the load; the half-loaded memory is thrown away with it.
        if (!chain.Replay(entry.Link))
            throw new LedgerCorruptException($"Journal row {entry.Sequence} breaks the hash chain; run `ccer verify`.");
        Ledger.Apply(EventJson.Deserialize(entry.EventJson));
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
        var head = chain.Head;
        for (var i = 0; i < batch.Count; i++)
        {
            var p = batch[i];
            if (p.Guard?.Invoke(Ledger) is { } denial)
            {
                submissions[i] = Submission.Denied(denial);
                continue;
            }
            var answer = chain.Answer(p.OperationId, p.RequestHash);
            if (answer.Kind != IdempotencyKind.New)
            {
                submissions[i] = answer.Kind == IdempotencyKind.Replay
                    ? new Submission(new LedgerResult(LedgerStatus.Ok), answer.Sequence, Replayed: true, IdempotencyConflict: false)
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
            var link = head.Append(p.OperationId, p.RequestHash, EventJson.KindOf(result.Event), EventJson.Serialize(result.Event), recordedAt);
            entries.Add(JournalEntry.Of(link));
            head = link.Head;
            submissions[i] = new Submission(result, link.Sequence, Replayed: false, IdempotencyConflict: false);
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
        chain.Commit([.. entries.Select(e => e.Link)]);
    }

    /// <summary>A session on this memory for work that commits ledger rows with rows of its own.</summary>
    internal LedgerSession Session(DateTimeOffset at)
    {
        StartTracking();
        return new LedgerSession(Ledger, at, chain);
    }

    private void StartTracking()
    {
        if (!replaying) return;
        replaying = false;
        Ledger.TrackChanges = true;
    }

    private static Submission Conflict() => new(new LedgerResult(LedgerStatus.Ok), null, Replayed: false, IdempotencyConflict: true);
}
