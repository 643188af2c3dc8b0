using System.Diagnostics;
using System.Globalization;
using OpenCcer.Core.Registry;
using OpenCcer.Storage;

namespace OpenCcer.Benchmarks;

/// <summary>
/// Durable transfers per second through <see cref="RegistryEngine"/>: N clients, each with its own
/// subject, submit transfers between its registry and trading accounts in a loop (partial quantities,
/// so blocks split and merge), one at a time, each under a new operation id, and wait until the
/// transfer is committed. The engine batches whatever is queued into one database transaction. A
/// warm-up phase, then timed rounds; only transfers that complete inside a timed window are counted.
/// With a pipeline of N, each client keeps N transfers in flight (as a settlement run or an importer
/// does): it submits N, waits for all of them, and repeats; the latency recorded is that of the window.
/// </summary>
public static class DurableBench
{
    public const int RoundsTimed = 5;
    /// <summary>Long enough for tiered compilation of the engine, Npgsql and SQLite paths to settle.</summary>
    public static readonly TimeSpan WarmUpDefault = TimeSpan.FromSeconds(8);
    public const long IssuedPerClient = 100_000_000;

    public sealed record Result(string Store, int Clients, int Pipeline, double SecondsPerRound, int Rounds,
        double TransfersPerSecondMedian, double TransfersPerSecondMin, double TransfersPerSecondMax,
        long TransfersTimed, double LatencyP50Milliseconds, double LatencyP99Milliseconds, double LatencyMaxMilliseconds,
        double? CommitsPerSecond, double? TransfersPerCommit, double? LoadAverageAfter);

    /// <summary>Counts database commits when the store can tell (PostgreSQL); null otherwise.</summary>
    public delegate Task<long?> CommitCounter();

    public static async Task<Result> RunAsync(string storeName, string connectionString, int clients, int pipeline, TimeSpan measured,
        TimeSpan warmUp, CommitCounter commits, TextWriter log)
    {
        await using var store = LedgerStore.Open(connectionString);
        await using var engine = await RegistryEngine.StartAsync(store, TimeProvider.System);
        var runId = DateTime.UtcNow.Ticks.ToString(CultureInfo.InvariantCulture);
        var states = new ClientState[clients];
        for (var c = 0; c < clients; c++) states[c] = await SetUpClientAsync(engine, runId, c);

        await RunPhaseAsync(engine, states, pipeline, warmUp, timed: false);
        var round = measured / RoundsTimed;
        var rates = new List<double>();
        var commitRates = new List<double>();
        var latencies = new List<double>();
        long timedTotal = 0;
        for (var r = 1; r <= RoundsTimed; r++)
        {
            var commitsBefore = await commits();
            var (completed, roundLatencies, elapsed) = await RunPhaseAsync(engine, states, pipeline, round, timed: true);
            var commitsAfter = await commits();
            var rate = completed / elapsed.TotalSeconds;
            rates.Add(rate);
            latencies.AddRange(roundLatencies);
            timedTotal = checked(timedTotal + completed);
            if (commitsBefore is { } b && commitsAfter is { } a) commitRates.Add((a - b) / elapsed.TotalSeconds);
            log.WriteLine($"  {storeName}, {clients} clients x {pipeline} in flight: round {r}  {rate,10:N0} transfers/s");
        }
        var sorted = latencies.ToArray();
        Array.Sort(sorted);
        double? commitRate = commitRates.Count > 0 ? Stats.Median(commitRates) : null;
        return new Result(storeName, clients, pipeline, round.TotalSeconds, RoundsTimed, Stats.Median(rates), rates.Min(), rates.Max(),
            timedTotal, Stats.Percentile(sorted, 50), Stats.Percentile(sorted, 99), sorted.Length > 0 ? sorted[^1] : double.NaN,
            commitRate, commitRate is { } cr && cr > 0 ? Stats.Median(rates) / cr : null, Machine.LoadAverage());
    }

    private sealed class ClientState(int index, string runId, AccountId registry, AccountId trading, Instrument instrument)
    {
        public int Index { get; } = index;
        public string RunId { get; } = runId;
        public AccountId Registry { get; } = registry;
        public AccountId Trading { get; } = trading;
        public Instrument Instrument { get; } = instrument;
        public Random Random { get; } = new(1_000 + index);
        public long InTrading { get; set; }
        public long Submitted { get; set; }
    }

    private static async Task<ClientState> SetUpClientAsync(RegistryEngine engine, string runId, int index)
    {
        var subject = $"BENCH-{runId}-{index:D4}";
        var opened = await engine.SubmitAsync($"{subject}-open", new OpenAccount(subject, $"Benchmark client {index}", HolderType.OtherTradingSubject));
        if (opened.Result.Event is not AccountOpened accounts) throw new InvalidOperationException($"Opening a benchmark account failed: {opened.Status}.");
        var instrument = new Instrument($"BENCH{index:D4}", 2024);
        var issued = await engine.SubmitAsync($"{subject}-issue", new IssueUnits($"{subject}-issue", instrument, IssuedPerClient, accounts.RegistryAccount));
        if (!issued.Result.IsOk) throw new InvalidOperationException($"Issuing benchmark units failed: {issued.Status}.");
        return new ClientState(index, runId, accounts.RegistryAccount, accounts.TradingAccount, instrument);
    }

    private static async Task<(long Completed, List<double> LatenciesMilliseconds, TimeSpan Elapsed)> RunPhaseAsync(
        RegistryEngine engine, ClientState[] states, int pipeline, TimeSpan length, bool timed)
    {
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(length.TotalSeconds * Stopwatch.Frequency);
        var tasks = states.Select(s => Task.Run(() => pipeline > 1 ? PipelinedLoopAsync(engine, s, pipeline, deadline, timed) : ClientLoopAsync(engine, s, deadline, timed))).ToArray();
        var perClient = await Task.WhenAll(tasks);
        var elapsed = TimeSpan.FromSeconds((deadline - started) / (double)Stopwatch.Frequency);
        var latencies = new List<double>();
        long completed = 0;
        foreach (var (count, samples) in perClient)
        {
            completed = checked(completed + count);
            latencies.AddRange(samples);
        }
        return (completed, latencies, elapsed);
    }

    /// <summary>Submits transfers until the deadline; counts those that completed before it.</summary>
    private static async Task<(long Count, List<double> Latencies)> ClientLoopAsync(RegistryEngine engine, ClientState s, long deadline, bool timed)
    {
        var latencies = new List<double>(timed ? 100_000 : 0);
        long count = 0;
        var toMilliseconds = 1_000.0 / Stopwatch.Frequency;
        while (true)
        {
            var before = Stopwatch.GetTimestamp();
            if (before >= deadline) break;
            var quantity = s.Random.Next(1, 100);
            var back = s.InTrading >= quantity && s.Random.Next(2) == 0;
            LedgerCommand command = back
                ? new TransferUnits(s.Trading, s.Registry, s.Instrument, quantity, TransferReason.FromTrading, null)
                : new TransferUnits(s.Registry, s.Trading, s.Instrument, quantity, TransferReason.ToTrading, null);
            s.Submitted++;
            var operationId = string.Create(CultureInfo.InvariantCulture, $"bench-{s.RunId}-{s.Index}-{s.Submitted}");
            var submission = await engine.SubmitAsync(operationId, command);
            var after = Stopwatch.GetTimestamp();
            if (!submission.Result.IsOk || submission.Replayed || submission.IdempotencyConflict)
                throw new InvalidOperationException($"Benchmark transfer refused: {submission.Status}.");
            s.InTrading += back ? -quantity : quantity;
            if (after > deadline) break;
            count++;
            if (timed) latencies.Add((after - before) * toMilliseconds);
        }
        return (count, latencies);
    }

    /// <summary>
    /// Keeps <paramref name="pipeline"/> one-tonne transfers in flight: a window moves units to trading,
    /// the next moves them back, so every transfer of a window is valid in any order.
    /// </summary>
    private static async Task<(long Count, List<double> Latencies)> PipelinedLoopAsync(RegistryEngine engine, ClientState s, int pipeline,
        long deadline, bool timed)
    {
        var latencies = new List<double>(timed ? 10_000 : 0);
        long count = 0;
        var toMilliseconds = 1_000.0 / Stopwatch.Frequency;
        var window = new Task<Submission>[pipeline];
        while (true)
        {
            var before = Stopwatch.GetTimestamp();
            if (before >= deadline) break;
            var back = s.InTrading >= pipeline;
            for (var i = 0; i < pipeline; i++)
            {
                LedgerCommand command = back
                    ? new TransferUnits(s.Trading, s.Registry, s.Instrument, 1, TransferReason.FromTrading, null)
                    : new TransferUnits(s.Registry, s.Trading, s.Instrument, 1, TransferReason.ToTrading, null);
                s.Submitted++;
                window[i] = engine.SubmitAsync(string.Create(CultureInfo.InvariantCulture, $"bench-{s.RunId}-{s.Index}-{s.Submitted}"), command);
            }
            var results = await Task.WhenAll(window);
            var after = Stopwatch.GetTimestamp();
            if (results.Any(r => !r.Result.IsOk || r.Replayed || r.IdempotencyConflict))
                throw new InvalidOperationException("Benchmark transfer refused.");
            s.InTrading += back ? -pipeline : pipeline;
            if (after > deadline) break;
            count += pipeline;
            if (timed) latencies.Add((after - before) * toMilliseconds);
        }
        return (count, latencies);
    }
}
