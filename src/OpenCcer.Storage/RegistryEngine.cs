using System.Threading.Channels;
using OpenCcer.Core.Registry;
using OpenCcer.Storage.Journal;

namespace OpenCcer.Storage;

/// <summary>
/// The single writer of a registry: commands are queued, taken in batches, executed on the in-memory
/// <see cref="Ledger"/>, and the batch's journal rows and projection changes are committed in one
/// database transaction before any caller hears back. Operation ids are idempotency keys. If a commit
/// fails, the ledger is rebuilt from the store, so memory never runs ahead of what is durable.
/// </summary>
public sealed partial class RegistryEngine : IAsyncDisposable
{
    public const int BatchSizeMax = 4096;
    public const int OperationIdLengthMax = 100;

    private readonly LedgerStore store;
    private readonly TimeProvider time;
    private readonly Channel<Pending> queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(50_000)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });
    private WriterMemory memory = new();
    private Task? writer;

    private RegistryEngine(LedgerStore store, TimeProvider time)
    {
        this.store = store;
        this.time = time;
    }

    public LedgerStore Store => store;

    /// <summary>Number of journal rows committed so far.</summary>
    public long Sequence => Volatile.Read(ref memory).Sequence;

    /// <summary>Opens the store, replays its journal into memory and starts the writer.</summary>
    public static async Task<RegistryEngine> StartAsync(LedgerStore store, TimeProvider time, CancellationToken ct = default)
    {
        await store.InitializeAsync(ct);
        var engine = new RegistryEngine(store, time);
        await engine.LoadAsync(ct);
        engine.writer = Task.Run(engine.RunAsync, CancellationToken.None);
        return engine;
    }

    /// <summary>
    /// Submits one command under a client-chosen operation id and waits until it is durable (or refused).
    /// </summary>
    public Task<Submission> SubmitAsync(string operationId, LedgerCommand command, CancellationToken ct = default) =>
        SubmitAsync(operationId, command, guard: null, ct);

    /// <summary>
    /// Submits one command that runs only if <paramref name="guard"/>, evaluated on the writer against the live
    /// ledger, lets it (returns null); otherwise the submission carries the guard's <see cref="Submission.Denial"/>
    /// and nothing is written. Who may act on an account is decided this way, with no read of the store.
    /// </summary>
    public async Task<Submission> SubmitAsync(string operationId, LedgerCommand command, Func<Ledger, object?>? guard, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operationId);
        if (operationId.Length > OperationIdLengthMax) throw new ArgumentException("Operation id is too long.", nameof(operationId));
        var pending = new Pending(operationId, command, RequestFingerprint.Of(command), guard);
        try
        {
            await queue.Writer.WriteAsync(pending, ct);
        }
        catch (ChannelClosedException closed)
        {
            throw new StoreUnavailableException(closed.InnerException ?? closed);
        }
        var submission = await pending.Completion.Task.WaitAsync(ct);
        if (submission.Denial is null && submission.Replayed && submission.Result.Event is null)
        {
            // The first result lives in the journal; fetch it outside the writer.
            var entry = (await store.JournalPageAsync(submission.Sequence!.Value - 1, 1, ct)).Single();
            submission = submission with { Result = new LedgerResult(LedgerStatus.Ok, EventJson.Deserialize(entry.EventJson)) };
        }
        return submission;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var fresh = new WriterMemory();
        await foreach (var entry in store.ReadJournalAsync(ct)) fresh.Replay(entry);
        Volatile.Write(ref memory, fresh);
    }

    private async Task RunAsync()
    {
        var batch = new List<Pending>(BatchSizeMax);
        var reader = queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync())
            {
                batch.Clear();
                while (batch.Count < BatchSizeMax && reader.TryRead(out var item))
                {
                    if (item.Work is null && item.Read is null)
                    {
                        batch.Add(item);
                        continue;
                    }
                    // Work and reads run alone, after the commands queued before them.
                    await ProcessAsync(batch);
                    batch.Clear();
                    if (item.Read is not null) RunRead(item);
                    else await RunWorkAsync(item);
                }
                await ProcessAsync(batch);
            }
        }
        catch (Exception fatal)
        {
            // The store stayed unreachable through every recovery attempt, or an invariant broke: stop
            // taking work, and answer everything queued rather than leave callers waiting forever.
            queue.Writer.TryComplete(fatal);
            var failure = new StoreUnavailableException(fatal);
            foreach (var p in batch) p.Completion.TrySetException(failure);
            while (reader.TryRead(out var queued)) queued.Completion.TrySetException(failure);
        }
    }

    private async Task ProcessAsync(List<Pending> batch)
    {
        if (batch.Count == 0) return;
        var result = memory.Execute(batch.ConvertAll(p => p.Command), time.GetUtcNow());
        if (result.Entries.Count > 0)
        {
            try
            {
                await store.AppendAsync(result.Entries, memory.TakeProjectionChanges());
            }
            catch (Exception failure)
            {
                await RecoverAsync();
                foreach (var p in batch) p.Completion.TrySetException(new StoreUnavailableException(failure));
                return;
            }
            memory.Commit(result.Entries);
        }
        for (var i = 0; i < batch.Count; i++) batch[i].Completion.TrySetResult(result.Submissions[i]);
    }

    /// <summary>Rebuilds memory from the store after a failed commit (which may in fact have landed).</summary>
    private Task RecoverAsync() => Reload.UntilLoadedAsync(LoadAsync);

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        if (writer is not null) await writer;
    }

    private sealed class Pending(string operationId, LedgerCommand command, string requestHash, Func<Ledger, object?>? guard = null)
    {
        public BatchCommand Command { get; } = new(operationId, command, requestHash) { Guard = guard };
        public ILedgerWork? Work { get; init; }
        public Func<Ledger, object?>? Read { get; init; }
        public object? ReadValue { get; set; }
        public TaskCompletionSource<Submission> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
