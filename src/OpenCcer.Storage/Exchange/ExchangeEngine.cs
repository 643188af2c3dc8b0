using System.Collections.Immutable;
using OpenCcer.Core.Exchange;
using OpenCcer.Core.Registry;
using OpenCcer.Storage.Journal;

namespace OpenCcer.Storage.Exchange;

/// <summary>
/// The exchange's sequencer: one writer for every market and the cash book. Each command is built and run
/// on the registry's writer (<see cref="RegistryEngine.SubmitWorkAsync"/>) with the live ledger, so its
/// unit reservations, releases and deliveries, its cash changes and its exchange journal row commit in one
/// database transaction before the caller hears back. Every venue command is journaled, refusals too (a
/// refused command may still close a trading day). On start, and after a failed commit, the venue is
/// rebuilt by replaying the journal; a status that replays differently stops the engine.
/// </summary>
public sealed class ExchangeEngine
{
    public const int OperationIdLengthMax = RegistryEngine.OperationIdLengthMax;

    private readonly RegistryEngine registry;
    private readonly MarketClock clock;
    private readonly MarketRules rules;
    private readonly TimeProvider? time;
    private readonly SemaphoreSlim gate = new(1, 1);
    private TradingVenue venue;
    private LedgerBridge? bridge;
    private JournalChain chain = new();
    private Board board = Board.Empty;

    private ExchangeEngine(RegistryEngine registry, MarketClock clock, MarketRules rules, TimeProvider? time)
    {
        this.time = time;
        this.registry = registry;
        this.clock = clock;
        this.rules = rules;
        venue = new TradingVenue(clock, rules);
    }

    /// <summary>Raised after each committed command, on the caller's thread; handlers must not block.</summary>
    public event Action<ExchangeChange>? Changed;

    public LedgerStore Store => registry.Store;

    public MarketClock Clock => clock;

    public MarketRules Rules => rules;

    /// <summary>Exchange journal rows committed so far.</summary>
    public long Sequence => Volatile.Read(ref chain).Sequence;

    /// <summary>Every listed market after the last committed command, in listing order.</summary>
    public IReadOnlyList<MarketSnapshot> Markets
    {
        get
        {
            var current = Volatile.Read(ref board);
            return [.. current.Order.Select(i => current.ByInstrument[i])];
        }
    }

    public MarketSnapshot? Market(Instrument instrument) => Volatile.Read(ref board).ByInstrument.GetValueOrDefault(instrument);

    /// <summary>
    /// Replays the exchange journal of the registry's store and returns the running engine. Commands are
    /// stamped by <paramref name="time"/>, read on the writer so instants never go backwards; the
    /// registry's clock when it is null.
    /// </summary>
    public static async Task<ExchangeEngine> StartAsync(RegistryEngine registry, MarketClock clock, MarketRules? rules = null,
        TimeProvider? time = null, CancellationToken ct = default)
    {
        var engine = new ExchangeEngine(registry, clock, rules ?? MarketRules.Default, time);
        // A journal replays only on the clock and fee it was written under: record them once, refuse others.
        var configured = ExchangeSettings.Of(engine.clock, engine.rules);
        var recorded = await registry.Store.Exchange.SaveExchangeSettingsAsync(configured, ct);
        if (recorded != configured)
            throw new InvalidOperationException($"The exchange journal of this store was written with {recorded}; this exchange is configured with {configured}.");
        await engine.LoadAsync(ct);
        return engine;
    }

    /// <summary>The venue's state hash (every market, cash and unsettled trades), for checks after a replay.</summary>
    public async Task<string> StateHashAsync(CancellationToken ct = default)
    {
        await gate.WaitAsync(ct);
        try
        {
            return venue.StateHash();
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Runs one operation under a client-chosen id. <paramref name="build"/> runs on the writer and turns the
    /// request into a venue command (or a refusal) from the live ledger. <paramref name="request"/> is the typed
    /// request that fully describes what is asked (action, caller, instrument, order, amounts); its one
    /// fingerprint (<see cref="RequestFingerprint"/>) tells a retry from a different request under the same id.
    /// <paramref name="at"/> overrides the writer's clock (the demo seed backdates a listing); instants must never go backwards.
    /// </summary>
    public async Task<ExchangeOutcome> ExecuteAsync(string operationId, object request, Func<ExchangeContext, ExchangeStep> build,
        CancellationToken ct = default, DateTimeOffset? at = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operationId);
        ArgumentNullException.ThrowIfNull(request);
        if (operationId.Length > OperationIdLengthMax) throw new ArgumentException("Operation id is too long.", nameof(operationId));
        var requestHash = RequestFingerprint.Of(request);
        await gate.WaitAsync(ct);
        try
        {
            var answer = chain.Answer(operationId, requestHash);
            if (answer.Kind != IdempotencyKind.New)
                return answer.Kind == IdempotencyKind.Replay ? await FirstAnswerAsync(answer.Sequence, ct) : ExchangeOutcome.Conflict;
            var work = new Work(this, operationId, requestHash, build, at);
            try
            {
                await registry.SubmitWorkAsync(work, CancellationToken.None);
            }
            catch (RefusedAfterRegistry refused)
            {
                // The registry command before it was rolled back with the refused command.
                await ReloadAsync();
                return ExchangeOutcome.Refused(refused.Status);
            }
            catch (Exception)
            {
                await ReloadAsync();
                throw;
            }
            if (work.Row is { } row)
            {
                chain.Commit(row.Link);
                var markets = Snapshot(Touched(work.Command));
                Changed?.Invoke(new ExchangeChange(row.Sequence, work.Trades, markets));
            }
            return work.Outcome!;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<ExchangeOutcome> FirstAnswerAsync(long seq, CancellationToken ct)
    {
        var row = await Store.Exchange.ExchangeJournalRowAsync(seq, ct) ?? throw new LedgerCorruptException($"Exchange journal row {seq} is missing.");
        var first = VenueJson.DeserializeResult(row.Result);
        return new ExchangeOutcome(seq, first.Status, first.MarketStatus, null, first.Events, [], Replayed: true, IdempotencyConflict: false);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var fresh = new TradingVenue(clock, rules);
        var loaded = new JournalChain();
        await foreach (var row in Store.Exchange.ReadExchangeJournalAsync(ct))
        {
            if (!loaded.Replay(row.Link))
                throw new LedgerCorruptException($"Exchange journal row {row.Sequence} breaks the hash chain.");
            var command = VenueJson.Deserialize(row.Command);
            var recorded = VenueJson.DeserializeResult(row.Result);
            var result = fresh.Execute(command, DateTimeOffset.Parse(row.At, System.Globalization.CultureInfo.InvariantCulture));
            if (result.Status != recorded.Status || result.MarketStatus != recorded.MarketStatus)
                throw new LedgerCorruptException($"Exchange journal row {row.Sequence} replays as {result.Status}/{result.MarketStatus}, recorded {recorded.Status}/{recorded.MarketStatus}.");
        }
        fresh.Cash.TakePostings();
        fresh.Cash.TakeChangedAccounts();
        venue = fresh;
        bridge = null;
        Volatile.Write(ref chain, loaded);
        Snapshot(null);
    }

    /// <summary>Rebuilds memory from the store after a failed commit, which may in fact have landed.</summary>
    private Task ReloadAsync() => Reload.UntilLoadedAsync(LoadAsync);

    /// <summary>
    /// Publishes new snapshots of the markets a command touched (every market when <paramref name="touched"/>
    /// is null), so the cost after a command follows the markets it ran on, not how many are listed.
    /// </summary>
    private List<MarketSnapshot> Snapshot(IReadOnlyList<Instrument>? touched)
    {
        var current = touched is null ? Board.Empty : board;
        var byInstrument = current.ByInstrument.ToBuilder();
        var order = current.Order;
        var changed = new List<MarketSnapshot>();
        foreach (var instrument in touched ?? [.. venue.Instruments.Select(i => i.Instrument)])
        {
            if (!venue.TryGetMarket(instrument, out var market, out var info)) continue;
            var snapshot = MarketSnapshot.Of(info, market);
            if (!byInstrument.ContainsKey(instrument)) order = order.Add(instrument);
            byInstrument[instrument] = snapshot;
            changed.Add(snapshot);
        }
        Volatile.Write(ref board, new Board(byInstrument.ToImmutable(), order));
        return changed;
    }

    /// <summary>The markets a command can change: its own; none for cash; every one for a close or a settlement (which closes first).</summary>
    private static IReadOnlyList<Instrument>? Touched(VenueCommand? command) => command switch
    {
        ToMarket c => [c.Instrument],
        ListInstrument c => [c.Instrument],
        DepositCash or WithdrawCash or null => [],
        _ => null,
    };

    /// <summary>The published snapshots: by instrument, and the instruments in listing order.</summary>
    private sealed record Board(ImmutableDictionary<Instrument, MarketSnapshot> ByInstrument, ImmutableList<Instrument> Order)
    {
        public static readonly Board Empty = new(ImmutableDictionary<Instrument, MarketSnapshot>.Empty, []);
    }

    /// <summary>One command on the registry's writer: build, run the venue, apply unit effects, collect rows.</summary>
    private sealed class Work(ExchangeEngine engine, string operationId, string requestHash, Func<ExchangeContext, ExchangeStep> build,
        DateTimeOffset? at) : ILedgerWork
    {
        private ExchangeWrite? write;

        public ExchangeOutcome? Outcome { get; private set; }

        public ExchangeJournalRow? Row => write?.Journal;

        /// <summary>The venue command that ran, once it has.</summary>
        public VenueCommand? Command { get; private set; }

        public List<Trade> Trades { get; } = [];

        public void Run(LedgerSession session)
        {
            var when = at ?? engine.time?.GetUtcNow() ?? session.At;
            var head = engine.chain.Head;
            var seq = head.Sequence + 1;
            var step = build(new ExchangeContext(session.Ledger, when, seq, engine.venue));
            if (step.Command is null)
            {
                Outcome = ExchangeOutcome.Refused(step.Refusal);
                return;
            }
            if (step.Before is { } before)
            {
                var first = session.Execute($"exchange-{seq}-0", before);
                if (!first.IsOk)
                {
                    Outcome = ExchangeOutcome.RefusedByRegistry(first.Status);
                    return;
                }
            }

            var result = engine.venue.Execute(step.Command, when);
            Command = step.Command;
            if (step.Before is not null && !result.IsOk) throw new RefusedAfterRegistry(result.Status);
            var bridge = engine.bridge ??= new LedgerBridge(session.Ledger);
            for (var i = 0; i < result.UnitEffects.Count; i++)
            {
                var effect = result.UnitEffects[i];
                var applied = session.Execute($"exchange-{seq}-{i + 1}", bridge.CommandFor(effect));
                if (!applied.IsOk)
                    throw new InvalidOperationException($"The registry refused {effect} of exchange operation {operationId}: {applied.Status}.");
                bridge.Applied(session.Ledger, effect, applied.Event!);
            }

            var command = VenueJson.Serialize(step.Command);
            var record = VenueJson.Serialize(new VenueRecord(result.Status, result.MarketStatus, result.Events));
            var kind = VenueJson.KindOf(step.Command);
            var stamp = EventJson.Timestamp(when);
            var link = head.Append(operationId, requestHash, kind, ExchangeJournalRow.Body(command, record), stamp);
            write = new ExchangeWrite(ExchangeJournalRow.Of(link, command, record));
            write.Collect(step.Command, result, engine.venue, when,
                isNewInstrument: step.Command is ListInstrument list && !engine.board.ByInstrument.ContainsKey(list.Instrument));
            Trades.AddRange(write.Trades);
            Outcome = new ExchangeOutcome(seq, result.Status, result.MarketStatus, null, result.Events, result.Settled, Replayed: false, IdempotencyConflict: false);
        }

        public Task WriteAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, CancellationToken ct) =>
            write?.WriteAsync(connection, transaction, ct) ?? Task.CompletedTask;
    }

    /// <summary>A command refused after the registry command it needed had run: both are abandoned.</summary>
    private sealed class RefusedAfterRegistry(VenueStatus status) : Exception($"Refused: {status}.")
    {
        public VenueStatus Status { get; } = status;
    }
}
