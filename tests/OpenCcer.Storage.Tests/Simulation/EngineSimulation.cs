using OpenCcer.Core.Registry;
using OpenCcer.Storage.Journal;
using OpenCcer.Storage.Projections;

namespace OpenCcer.Storage.Simulation;

/// <summary>What the simulated storage boundary does with one batch.</summary>
public enum CommitFault
{
    None,

    /// <summary>The commit fails: nothing is durable and the callers get an error.</summary>
    CommitFailed,

    /// <summary>The commit lands but the acknowledgement is lost: durable, yet the callers get an error.</summary>
    AcknowledgementLost,

    /// <summary>The journal rows land, then the process dies before projections are written or callers hear back.</summary>
    RestartBeforeProjection,
}

/// <summary>An invariant broke: the message names the seed and step that reproduce it.</summary>
public sealed class SimulationFailure(string message) : Exception(message);

/// <summary>
/// A deterministic simulation of the registry's write path, one thread, no I/O: clients submit random
/// ledger commands under operation ids (new ones, retries of unacknowledged ones, replays and conflicting
/// bodies under known ids) in batches; the writer runs them through <see cref="WriterMemory"/>, the same
/// batch step <see cref="RegistryEngine"/> runs, and commits journal rows (real JSON and SHA-256 chain) and
/// projection changes to an in-memory durable store, where faults are injected: failed commits, lost
/// acknowledgements, restarts between journal append and projection, and plain restarts. After every
/// step it checks: the ledger's invariants (conservation, disjoint covering blocks, no negatives); memory
/// equals the durable journal replayed; the durable projections equal those derived from the journal;
/// the hash chain; every operation id at most once in the journal; every acknowledged operation where
/// its acknowledgement said. Same seed, same run.
/// </summary>
public sealed class EngineSimulation
{
    private static readonly Instrument[] Instruments = [new("P0001", 2021), new("P0001", 2022), new("P0002", 2023)];

    private readonly int seed;
    private readonly Random random;
    private readonly int projectionCheckEvery;

    // The durable store: journal rows and projection tables.
    private readonly List<JournalEntry> journal = [];
    private readonly HashSet<string> journalOperations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, object> projections = new(StringComparer.Ordinal);
    private readonly Ledger replica = new();

    // The writer's memory, lost on restart: the same code as RegistryEngine's.
    private WriterMemory memory = new();

    // The clients' view.
    private readonly Dictionary<string, ClientOperation> operations = new(StringComparer.Ordinal);
    private readonly List<string> unacknowledged = [];
    private readonly List<string> acknowledged = [];
    private DateTimeOffset at = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
    private long step;
    private long nextOperation;

    public EngineSimulation(int seed, int projectionCheckEvery = 1)
    {
        this.seed = seed;
        random = new Random(seed);
        this.projectionCheckEvery = projectionCheckEvery;
    }

    /// <summary>Steps in one run from an empty registry; long runs are many seeds of this length.</summary>
    public const int StepsPerRun = 500;

    public Dictionary<string, long> Counts { get; } = new(StringComparer.Ordinal);

    public string StateHash => memory.Ledger.StateHash();

    public long JournalRows => journal.Count;

    private sealed class ClientOperation(LedgerCommand command, string requestHash)
    {
        public LedgerCommand Command { get; } = command;
        public string RequestHash { get; } = requestHash;
        public long? Sequence { get; set; }
        public bool Refused { get; set; }
    }

    private sealed record Item(string OperationId, LedgerCommand Command, string RequestHash, ItemKind Kind);

    private enum ItemKind { New, Retry, Replay, Conflict }

    private void Count(string what) => Counts[what] = Counts.GetValueOrDefault(what) + 1;

    private SimulationFailure Fail(string message) => new($"seed {seed}, step {step}: {message} (replay with OPENCCER_SEED={seed})");

    /// <summary>One step: a restart, or one batch through the writer; then every check.</summary>
    public void Step()
    {
        step++;
        at = at.AddSeconds(17);
        if (random.Next(100) < 2)
        {
            Count("restart");
            Restart();
        }
        else
        {
            var batch = new List<Item>();
            var size = random.Next(1, 9);
            for (var i = 0; i < size; i++) batch.Add(NextItem());
            var fault = random.Next(100) switch
            {
                < 4 => CommitFault.CommitFailed,
                < 7 => CommitFault.AcknowledgementLost,
                < 10 => CommitFault.RestartBeforeProjection,
                _ => CommitFault.None,
            };
            Process(batch, fault);
        }
        Check();
    }

    private Item NextItem()
    {
        var roll = random.Next(100);
        if (roll < 25 && unacknowledged.Count > 0)
        {
            var id = unacknowledged[random.Next(unacknowledged.Count)];
            var op = operations[id];
            return new Item(id, op.Command, op.RequestHash, ItemKind.Retry);
        }
        if (roll < 30 && acknowledged.Count > 0)
        {
            var id = acknowledged[random.Next(acknowledged.Count)];
            var op = operations[id];
            if (random.Next(4) > 0) return new Item(id, op.Command, op.RequestHash, ItemKind.Replay);
            var other = NextCommand();
            var hash = RequestFingerprint.Of(other);
            if (hash != op.RequestHash) return new Item(id, other, hash, ItemKind.Conflict);
        }
        var command = NextCommand();
        var operationId = $"op-{nextOperation++}";
        var requestHash = RequestFingerprint.Of(command);
        operations[operationId] = new ClientOperation(command, requestHash);
        unacknowledged.Add(operationId);
        return new Item(operationId, command, requestHash, ItemKind.New);
    }

    /// <summary>
    /// The writer's batch through <see cref="WriterMemory"/>, as <see cref="RegistryEngine"/> runs it; the
    /// simulated store commits it or fails it as <paramref name="fault"/> says.
    /// </summary>
    private void Process(List<Item> batch, CommitFault fault)
    {
        var result = memory.Execute(batch.ConvertAll(p => new BatchCommand(p.OperationId, p.Command, p.RequestHash)), at);
        if (result.Entries.Count > 0)
        {
            var entries = result.Entries.ToList();
            var changes = memory.TakeProjectionChanges();
            Count("fault-" + fault);
            switch (fault)
            {
                case CommitFault.CommitFailed:
                    Recover();
                    return;
                case CommitFault.AcknowledgementLost:
                    AppendDurable(entries);
                    ApplyProjections(changes);
                    Recover();
                    return;
                case CommitFault.RestartBeforeProjection:
                    AppendDurable(entries);
                    Restart();
                    return;
            }
            AppendDurable(entries);
            ApplyProjections(changes);
            memory.Commit(result.Entries);
        }

        for (var i = 0; i < batch.Count; i++) Acknowledge(batch[i], result.Submissions[i]);
    }

    /// <summary>A caller hears back: check the answer against what the client knows, then record it.</summary>
    private void Acknowledge(Item p, Submission outcome)
    {
        var op = operations[p.OperationId];
        if (p.Kind == ItemKind.Conflict)
        {
            if (!outcome.IdempotencyConflict) throw Fail($"{p.OperationId} with another body was not refused as a conflict.");
            Count("conflict");
            return;
        }
        if (outcome.IdempotencyConflict) throw Fail($"{p.OperationId} with its own body was refused as a conflict.");
        if (p.Kind == ItemKind.Replay && op.Sequence is { } known && outcome.Sequence != known)
            throw Fail($"{p.OperationId} was acknowledged at row {known} but its replay says {outcome.Sequence}.");
        if (outcome.Sequence is { } row)
        {
            var entry = journal[(int)row - 1];
            if (entry.OperationId != p.OperationId || entry.RequestHash != p.RequestHash)
                throw Fail($"{p.OperationId} acknowledged at row {row}, which holds {entry.OperationId}.");
            if (op.Sequence is { } earlier && earlier != row) throw Fail($"{p.OperationId} acknowledged at rows {earlier} and {row}.");
            op.Sequence = row;
            Count(outcome.Replayed ? "replayed" : "applied");
        }
        else
        {
            op.Refused = true;
            Count("refused");
        }
        if (unacknowledged.Remove(p.OperationId) && op.Sequence is not null) acknowledged.Add(p.OperationId);
    }

    private void AppendDurable(List<JournalEntry> entries)
    {
        foreach (var e in entries)
        {
            var previous = journal.Count == 0 ? JournalHash.Genesis : journal[^1].Hash;
            if (e.Sequence != journal.Count + 1 || e.PreviousHash != previous || !JournalHash.IsValid(e))
                throw Fail($"journal row {e.Sequence} breaks the hash chain.");
            if (!journalOperations.Add(e.OperationId)) throw Fail($"operation {e.OperationId} is in the journal twice.");
            journal.Add(e);
            replica.Apply(EventJson.Deserialize(e.EventJson));
        }
    }

    private void ApplyProjections(ProjectionSet changes)
    {
        foreach (var id in changes.DeletedBlocks) projections.Remove("block:" + id);
        foreach (var h in changes.DeletedHoldings) projections.Remove($"holding:{h.AccountId}:{h.ProjectCode}:{h.Vintage}");
        foreach (var (key, row) in Keyed(changes)) projections[key] = row;
    }

    private static IEnumerable<(string Key, object Row)> Keyed(ProjectionSet set) =>
        set.Accounts.Select(r => ("account:" + r.Id, (object)r))
            .Concat(set.Issuances.Select(r => ("issuance:" + r.Id, (object)r)))
            .Concat(set.Blocks.Select(r => ("block:" + r.Id, (object)r)))
            .Concat(set.Holdings.Select(r => ($"holding:{r.AccountId}:{r.ProjectCode}:{r.Vintage}", (object)r)))
            .Concat(set.Reservations.Select(r => ("reservation:" + r.Id, (object)r)))
            .Concat(set.Freezes.Select(r => ("freeze:" + r.Id, (object)r)))
            .Concat(set.Cancellations.Select(r => ("cancellation:" + r.Id, (object)r)));

    /// <summary>After a failed commit: memory is rebuilt from what is durable (the commit may have landed).</summary>
    private void Recover() => Load();

    /// <summary>The process dies and starts again: memory is rebuilt from the journal, and projections the journal is ahead of are rebuilt too.</summary>
    private void Restart()
    {
        Load();
        var derived = Keyed(ProjectionSet.FromLedger(memory.Ledger)).ToDictionary(x => x.Key, x => x.Row, StringComparer.Ordinal);
        if (!SameProjections(derived))
        {
            Count("projections-rebuilt");
            projections.Clear();
            foreach (var (key, row) in derived) projections[key] = row;
        }
    }

    private void Load()
    {
        var fresh = new WriterMemory();
        foreach (var e in journal) fresh.Replay(e);
        memory = fresh;
    }

    private bool SameProjections(Dictionary<string, object> expected) =>
        expected.Count == projections.Count && expected.All(x => projections.TryGetValue(x.Key, out var row) && row.Equals(x.Value));

    private void Check()
    {
        var problems = memory.Ledger.CheckInvariants();
        if (problems.Count > 0) throw Fail("ledger invariants: " + string.Join("; ", problems));
        if (memory.Ledger.StateHash() != replica.StateHash()) throw Fail("the writer's memory differs from the durable journal replayed.");
        if (memory.Sequence != journal.Count) throw Fail($"the writer is at row {memory.Sequence}, the journal at {journal.Count}.");
        if (step % projectionCheckEvery == 0)
        {
            var derived = Keyed(ProjectionSet.FromLedger(replica)).ToDictionary(x => x.Key, x => x.Row, StringComparer.Ordinal);
            if (!SameProjections(derived)) throw Fail("the durable projections differ from the journal's.");
        }
    }

    /// <summary>Checks at the end of a run: a fresh replay of the whole journal and every acknowledged operation in place.</summary>
    public void CheckFinal()
    {
        var fresh = new Ledger();
        foreach (var e in journal) fresh.Apply(EventJson.Deserialize(e.EventJson));
        if (fresh.StateHash() != memory.Ledger.StateHash()) throw Fail("a fresh replay of the journal gives another state hash.");
        foreach (var id in acknowledged)
            if (journal[(int)operations[id].Sequence!.Value - 1].OperationId != id) throw Fail($"{id} is not at its acknowledged row.");
    }

    private AccountId AnyAccount() => new(random.NextInt64(1, Math.Max(2, memory.Ledger.Accounts.Count + 2)));

    private Instrument AnyInstrument() => Instruments[random.Next(Instruments.Length)];

    private long Quantity() => random.Next(10) switch
    {
        0 => random.Next(-1, 1),
        < 8 => random.Next(1, 60),
        _ => random.Next(1, 2000),
    };

    private LedgerCommand NextCommand()
    {
        if (memory.Ledger.Accounts.Count < 4 || random.Next(80) == 0)
            return new OpenAccount($"S{random.Next(8)}", "Subject", (HolderType)random.Next(1, 6));
        var account = AnyAccount();
        var pair = memory.Ledger.FindAccount(account)?.Pair ?? AnyAccount();
        var reservation = new ReservationId(random.NextInt64(1, memory.Ledger.Reservations.Count + 3));
        return random.Next(100) switch
        {
            < 10 => new IssueUnits($"R{random.Next(100_000)}", AnyInstrument(), random.Next(1, 3000), account),
            < 45 => new TransferUnits(account, pair, AnyInstrument(), Quantity(),
                memory.Ledger.FindAccount(account)?.Kind == AccountKind.Trading ? TransferReason.FromTrading : TransferReason.ToTrading, null),
            < 48 => new TransferUnits(account, AnyAccount(), AnyInstrument(), Quantity(), TransferReason.CourtEnforcement, "court order"),
            < 62 => new ReserveUnits(account, AnyInstrument(), Quantity(), "order"),
            < 70 => new ReleaseReservation(reservation, random.Next(3) == 0 ? null : Quantity()),
            < 77 => new SettleReservation(reservation, AnyAccount(), Quantity()),
            < 88 => new CancelUnits(account, AnyInstrument(), Quantity(), (CancellationPurpose)random.Next(1, 8), "Beneficiary",
                random.Next(3) == 0 ? reservation : null),
            < 93 => new FreezeUnits(account, AnyInstrument(), Quantity(), null, null, "court"),
            < 96 => new UnfreezeUnits(new FreezeId(random.NextInt64(1, memory.Ledger.Freezes.Count + 2)), "lifted"),
            < 98 => new FreezeAccount(account, "court"),
            _ => new UnfreezeAccount(account, "lifted"),
        };
    }
}
