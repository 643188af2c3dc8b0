using System.Data.Common;
using OpenCcer.Core.Registry;
using OpenCcer.Storage.Journal;

namespace OpenCcer.Storage;

/// <summary>
/// Work that must commit together with registry changes (the exchange: unit reservations with the order
/// that needs them, delivery with payment). It runs on the registry's single writer, alone, with the live
/// ledger; its ledger commands and its own rows are written in one database transaction.
/// </summary>
public interface ILedgerWork
{
    /// <summary>
    /// Runs on the writer. Ledger commands go through <paramref name="session"/>. Throwing abandons the
    /// work: nothing is written and the ledger is rebuilt from the store.
    /// </summary>
    void Run(LedgerSession session);

    /// <summary>Writes the work's own rows inside the transaction that also holds its ledger rows.</summary>
    Task WriteAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct);
}

/// <summary>The writer's ledger lent to one <see cref="ILedgerWork"/>: reads, and commands that are journaled.</summary>
public sealed class LedgerSession
{
    private readonly JournalChain chain;
    private readonly HashSet<string> used = new(StringComparer.Ordinal);
    private JournalHead head;

    internal LedgerSession(Ledger ledger, DateTimeOffset at, JournalChain chain)
    {
        Ledger = ledger;
        At = at;
        this.chain = chain;
        head = chain.Head;
    }

    /// <summary>The live ledger, to read from. Change it only through <see cref="Execute"/>.</summary>
    public Ledger Ledger { get; }

    /// <summary>The writer's clock for this work.</summary>
    public DateTimeOffset At { get; }

    /// <summary>The sequence of the last row of this work (the writer's head when it has none).</summary>
    internal long Sequence => head.Sequence;

    internal List<JournalEntry> Entries { get; } = [];

    /// <summary>Executes a ledger command at <see cref="At"/>; an accepted one gets a journal row under <paramref name="operationId"/>.</summary>
    public LedgerResult Execute(string operationId, LedgerCommand command)
    {
        if (chain.Contains(operationId) || !used.Add(operationId))
            throw new InvalidOperationException($"Operation id {operationId} is already used.");
        var result = Ledger.Execute(command, At);
        if (result.Event is null) return result;
        var link = head.Append(operationId, RequestFingerprint.Of(command), EventJson.KindOf(result.Event),
            EventJson.Serialize(result.Event), EventJson.Timestamp(At));
        Entries.Add(JournalEntry.Of(link));
        head = link.Head;
        return result;
    }
}

public sealed partial class RegistryEngine
{
    /// <summary>
    /// Runs <paramref name="work"/> on the writer and waits until its ledger rows and its own rows are
    /// committed together. Throws what the work threw, or <see cref="StoreUnavailableException"/> when the
    /// commit failed; either way nothing of it was written and the ledger was rebuilt from the store.
    /// </summary>
    public async Task SubmitWorkAsync(ILedgerWork work, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        var pending = new Pending("", NoCommand.Instance, "") { Work = work };
        try
        {
            await queue.Writer.WriteAsync(pending, ct);
        }
        catch (System.Threading.Channels.ChannelClosedException closed)
        {
            throw new StoreUnavailableException(closed.InnerException ?? closed);
        }
        await pending.Completion.Task.WaitAsync(ct);
    }

    private async Task RunWorkAsync(Pending p)
    {
        var session = memory.Session(time.GetUtcNow());
        try
        {
            p.Work!.Run(session);
        }
        catch (Exception refused)
        {
            // Refused ledger commands change nothing; accepted ones must not outlive the abandoned work.
            if (session.Entries.Count > 0) await RecoverAsync();
            else memory.DiscardChanges();
            p.Completion.TrySetException(refused);
            return;
        }
        try
        {
            await store.AppendAsync(session.Entries, memory.TakeProjectionChanges(), p.Work.WriteAsync);
        }
        catch (Exception failure)
        {
            await RecoverAsync();
            p.Completion.TrySetException(new StoreUnavailableException(failure));
            return;
        }
        memory.Commit(session.Entries);
        p.Completion.TrySetResult(new Submission(new LedgerResult(LedgerStatus.Ok), session.Sequence, Replayed: false, IdempotencyConflict: false));
    }

    /// <summary>
    /// Reads the live ledger on the writer, between batches, and returns what <paramref name="read"/> found.
    /// For facts the store's projections would also give but a use case must not wait for or trust less than
    /// the writer (an account's pair). <paramref name="read"/> must not change the ledger.
    /// </summary>
    public async Task<T> ReadAsync<T>(Func<Ledger, T> read, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(read);
        var pending = new Pending("", NoCommand.Instance, "") { Read = ledger => read(ledger) };
        try
        {
            await queue.Writer.WriteAsync(pending, ct);
        }
        catch (System.Threading.Channels.ChannelClosedException closed)
        {
            throw new StoreUnavailableException(closed.InnerException ?? closed);
        }
        await pending.Completion.Task.WaitAsync(ct);
        return (T)pending.ReadValue!;
    }

    private void RunRead(Pending p)
    {
        try
        {
            p.ReadValue = p.Read!(memory.Ledger);
        }
        catch (Exception failed)
        {
            p.Completion.TrySetException(failed);
            return;
        }
        p.Completion.TrySetResult(new Submission(new LedgerResult(LedgerStatus.Ok), null, Replayed: false, IdempotencyConflict: false));
    }

    /// <summary>The placeholder command of a queued work item, which carries no command of its own.</summary>
    private sealed record NoCommand : LedgerCommand
    {
        public static readonly NoCommand Instance = new();
    }
}
