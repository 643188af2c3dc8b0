using System.Globalization;
using System.Text.Json;

namespace OpenCcer.Benchmarks;

/// <summary>
/// The registry benchmarks in one run: core ledger operations, durable transfers on SQLite and on
/// PostgreSQL, and pgbench on the same PostgreSQL server at the same client count. Prints a summary
/// and writes <see cref="ResultsFile"/> in the working directory.
/// </summary>
public static class RegistryBench
{
    public const string ResultsFile = "bench-results.json";
    public const double CoreTargetOpsPerSecond = 1_000_000;
    public const double DurableTargetTransfersPerSecond = 20_000;
    public const double PgBenchRatioTarget = 1.0;

    private const string EngineDatabase = "openccer_bench";
    private const string PgBenchDatabase = "openccer_pgbench";
    private static readonly TimeSpan DeepWarmUp = TimeSpan.FromSeconds(3);

    public sealed record Results(
        DateTimeOffset StartedAt,
        Machine Machine,
        double? LoadAverageAtStart,
        BenchOptionsSummary Options,
        IReadOnlyList<CoreBench.Result> Core,
        IReadOnlyList<DurableBench.Result> Durable,
        PostgresInfo? Postgres,
        PgBenchRunner.Result? PgBench,
        double? RatioToPgBench,
        IReadOnlyList<Verdict> Targets);

    public sealed record BenchOptionsSummary(int Clients, int DeepClients, int Seconds, bool Postgres, string PgBench,
        IReadOnlyList<string> Parts);

    public sealed record PostgresInfo(string ServerVersion, string Fsync, string SynchronousCommit, string WalSyncMethod,
        string SharedBuffers, string MaxConnections);

    public sealed record Verdict(string Measure, double Target, double? Measured, bool? Met);

    public static async Task<int> RunAsync(BenchOptions options, TextWriter log)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var machine = Machine.Current();
        var loadAtStart = Machine.LoadAverage();
        log.WriteLine($"OpenCCER registry benchmark: {machine.LogicalCores} logical cores ({machine.Cpu}), "
            + $"{machine.MemoryGibibytes} GiB, {machine.Runtime}, {machine.Os}, load average {N(loadAtStart, "N2")}");
        log.WriteLine($"clients {options.Clients}, {options.Seconds} s per durable measurement and for pgbench");
        log.WriteLine();

        var core = new List<CoreBench.Result>();
        if (options.Runs("core"))
        {
            log.WriteLine("Core ledger, one thread (Ledger.Execute, pre-built commands, fresh ledger per round)");
            core.Add(CoreBench.Run(CoreWorkload.Build("mixed", CoreWorkload.Realistic, CoreBench.CommandsPerRound, seed: 42), log));
            core.Add(CoreBench.Run(CoreWorkload.Build("transfers", CoreWorkload.TransfersOnly, CoreBench.CommandsPerRound, seed: 43), log));
            core.Add(CoreBench.Run(CoreWorkload.Build("transfers-hot", CoreWorkload.TransfersOnly, CoreBench.CommandsPerRound, seed: 44,
                subjects: CoreWorkload.SubjectCountHot), log));
            log.WriteLine();
        }

        var measured = TimeSpan.FromSeconds(options.Seconds);
        var deepMeasured = TimeSpan.FromSeconds(Math.Max(3.0, options.Seconds / 3.0));
        var durable = new List<DurableBench.Result>();
        if (options.Runs("sqlite"))
        {
            log.WriteLine("Durable transfers through RegistryEngine on SQLite (WAL, synchronous=FULL)");
            durable.Add(await RunSqliteAsync(options.Clients, 1, measured, DurableBench.WarmUpDefault, log));
            if (options.Pipeline > 1) durable.Add(await RunSqliteAsync(options.Clients, options.Pipeline, measured, DurableBench.WarmUpDefault, log));
            if (options.DeepClients > 0) durable.Add(await RunSqliteAsync(options.DeepClients, 1, deepMeasured, DeepWarmUp, log));
            log.WriteLine();
        }

        PostgresInfo? pgInfo = null;
        PgBenchRunner.Result? pgbench = null;
        if (options.Runs("postgresql") && options.PostgresConnectionString is null)
        {
            log.WriteLine("PostgreSQL: skipped (no --postgres connection string given).");
        }
        else if (options.Runs("postgresql") && options.PostgresConnectionString is { } connectionString)
        {
            var cluster = new PostgresCluster(connectionString);
            pgInfo = new PostgresInfo(await cluster.SettingAsync("server_version"), await cluster.SettingAsync("fsync"),
                await cluster.SettingAsync("synchronous_commit"), await cluster.SettingAsync("wal_sync_method"),
                await cluster.SettingAsync("shared_buffers"), await cluster.SettingAsync("max_connections"));
            log.WriteLine($"Durable transfers through RegistryEngine on PostgreSQL {pgInfo.ServerVersion} "
                + $"(fsync={pgInfo.Fsync}, synchronous_commit={pgInfo.SynchronousCommit}, wal_sync_method={pgInfo.WalSyncMethod})");
            if (pgInfo.Fsync != "on") log.WriteLine("  warning: fsync is off; these figures are not durable and not comparable.");
            durable.Add(await RunPostgresAsync(cluster, options.Clients, 1, measured, DurableBench.WarmUpDefault, log));
            if (options.Pipeline > 1) durable.Add(await RunPostgresAsync(cluster, options.Clients, options.Pipeline, measured, DurableBench.WarmUpDefault, log));
            if (options.DeepClients > 0) durable.Add(await RunPostgresAsync(cluster, options.DeepClients, 1, deepMeasured, DeepWarmUp, log));
            log.WriteLine();
            log.WriteLine("pgbench on the same server");
            try
            {
                await cluster.RecreateDatabaseAsync(PgBenchDatabase);
                pgbench = await PgBenchRunner.RunAsync(options.PgBenchPath, cluster, PgBenchDatabase, options.Clients, options.Seconds, log);
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                log.WriteLine($"  pgbench: skipped, '{options.PgBenchPath}' could not be started ({e.Message}).");
            }
            finally
            {
                await cluster.DropDatabaseAsync(PgBenchDatabase);
            }
        }
        log.WriteLine();

        // The targets are for batched durable transfers: the pipelined runs at the benchmark's client count.
        var batched = options.Pipeline;
        var sqlite = durable.FirstOrDefault(d => d.Store == "sqlite" && d.Clients == options.Clients && d.Pipeline == batched);
        var postgres = durable.FirstOrDefault(d => d.Store == "postgresql" && d.Clients == options.Clients && d.Pipeline == batched);
        double? ratio = postgres is not null && pgbench is not null && pgbench.TransactionsPerSecond > 0
            ? postgres.TransfersPerSecondMedian / pgbench.TransactionsPerSecond
            : null;
        var verdicts = new List<Verdict>
        {
            Judge("core ledger ops/s (mixed, one core)", CoreTargetOpsPerSecond, core.Count > 0 ? core[0].OpsPerSecondMedian : null),
            Judge($"durable transfers/s, SQLite, {options.Clients} clients x {batched}", DurableTargetTransfersPerSecond, sqlite?.TransfersPerSecondMedian),
            Judge($"durable transfers/s, PostgreSQL, {options.Clients} clients x {batched}", DurableTargetTransfersPerSecond, postgres?.TransfersPerSecondMedian),
            Judge("PostgreSQL transfers/s ÷ pgbench tps", PgBenchRatioTarget, ratio),
        };

        var results = new Results(startedAt, machine, loadAtStart,
            new BenchOptionsSummary(options.Clients, options.DeepClients, options.Seconds, options.PostgresConnectionString is not null,
                options.PgBenchPath, [.. options.Parts.Order(StringComparer.Ordinal)]),
            core, durable, pgInfo, pgbench, ratio, verdicts);
        PrintSummary(results, log);
        await File.WriteAllTextAsync(ResultsFile, JsonSerializer.Serialize(results, JsonOptions));
        log.WriteLine($"Results written to {ResultsFile}.");
        return 0;
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private static Verdict Judge(string measure, double target, double? measured) =>
        new(measure, target, measured, measured is { } m ? m >= target : null);

    private static async Task<DurableBench.Result> RunSqliteAsync(int clients, int pipeline, TimeSpan measured, TimeSpan warmUp, TextWriter log)
    {
        var directory = Directory.CreateTempSubdirectory("openccer-bench-");
        try
        {
            var path = Path.Combine(directory.FullName, "registry.db");
            return await DurableBench.RunAsync("sqlite", $"Data Source={path}", clients, pipeline, measured, warmUp,
                () => Task.FromResult<long?>(null), log);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }

    private static async Task<DurableBench.Result> RunPostgresAsync(PostgresCluster cluster, int clients, int pipeline, TimeSpan measured,
        TimeSpan warmUp, TextWriter log)
    {
        try
        {
            await cluster.RecreateDatabaseAsync(EngineDatabase);
            await cluster.CheckpointAsync();
            return await DurableBench.RunAsync("postgresql", cluster.ConnectionStringFor(EngineDatabase), clients, pipeline, measured, warmUp,
                () => cluster.CommitsAsync(EngineDatabase), log);
        }
        finally
        {
            await cluster.DropDatabaseAsync(EngineDatabase);
        }
    }

    private static string N(double? value, string format = "N0") =>
        value is { } v && !double.IsNaN(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "-";

    private static void PrintSummary(Results r, TextWriter log)
    {
        log.WriteLine("Summary (medians of the timed rounds)");
        log.WriteLine($"  {"measure",-50} {"result",12} {"p50 ms",8} {"p99 ms",8}");
        foreach (var c in r.Core)
        {
            log.WriteLine($"  {$"core ledger ops/s, {c.Workload}, {c.Subjects} subjects",-50} {N(c.OpsPerSecondMedian),12}");
            log.WriteLine($"  {"    per second of CPU time; bytes allocated per command",-50} {N(c.OpsPerCpuSecondMedian),12} {N(c.BytesPerCommand),8}");
        }
        foreach (var d in r.Durable)
        {
            log.WriteLine($"  {$"durable transfers/s, {d.Store}, {d.Clients} clients x {d.Pipeline} in flight",-50} {N(d.TransfersPerSecondMedian),12} "
                + $"{N(d.LatencyP50Milliseconds, "N2"),8} {N(d.LatencyP99Milliseconds, "N2"),8}");
            if (d.TransfersPerCommit is { } perCommit)
                log.WriteLine($"  {"    transfers per commit (mean)",-50} {N(perCommit, "N1"),12}");
        }
        if (r.PgBench is { } p)
            log.WriteLine($"  {$"pgbench tpcb-like tps, {p.Clients} clients",-50} {N(p.TransactionsPerSecond),12} "
                + $"{N(p.LatencyAverageMilliseconds, "N2"),8} (average)");
        if (r.RatioToPgBench is { } ratio)
            log.WriteLine($"  {"ratio PostgreSQL transfers/s ÷ pgbench tps",-50} {N(ratio, "N2"),12}");
        log.WriteLine();
        log.WriteLine("Targets");
        foreach (var v in r.Targets)
        {
            var verdict = v.Met switch { true => "met", false => "MISSED", null => "not measured" };
            var format = v.Target < 10 ? "N2" : "N0";
            log.WriteLine($"  {v.Measure,-50} {N(v.Measured, format),12}  target >= {N(v.Target, format)}  {verdict}");
        }
    }
}
