using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace OpenCcer.Benchmarks;

/// <summary>Runs PostgreSQL's own pgbench (TPC-B-like) against a database of the same server.</summary>
public static partial class PgBenchRunner
{
    public sealed record Result(int Scale, int Clients, int Threads, int Seconds, double TransactionsPerSecond,
        double? LatencyAverageMilliseconds, string Version);

    [GeneratedRegex(@"^tps = (?<tps>[0-9]+(\.[0-9]+)?)", RegexOptions.Multiline)]
    private static partial Regex TpsLine();

    [GeneratedRegex(@"^latency average = (?<ms>[0-9]+(\.[0-9]+)?) ms", RegexOptions.Multiline)]
    private static partial Regex LatencyLine();

    public static async Task<Result> RunAsync(string pgbench, PostgresCluster cluster, string database, int clients, int seconds,
        TextWriter log)
    {
        var scale = Math.Max(clients, 10);
        var threads = Math.Min(2, clients);
        var version = (await RunProcessAsync(pgbench, ["--version"])).Trim();
        log.WriteLine($"  pgbench: initialising scale {scale}");
        await RunProcessAsync(pgbench, [.. Connection(cluster, database), "-i", "-q", "-s", Invariant(scale)]);
        await cluster.CheckpointAsync();
        log.WriteLine($"  pgbench: tpcb-like, {clients} clients, {threads} threads, {seconds} s");
        var output = await RunProcessAsync(pgbench,
            [.. Connection(cluster, database), "-b", "tpcb-like", "-c", Invariant(clients), "-j", Invariant(threads), "-T", Invariant(seconds)]);
        var tps = TpsLine().Match(output);
        if (!tps.Success) throw new InvalidOperationException($"No tps line in pgbench output:\n{output}");
        var latency = LatencyLine().Match(output);
        return new Result(scale, clients, threads, seconds,
            double.Parse(tps.Groups["tps"].Value, CultureInfo.InvariantCulture),
            latency.Success ? double.Parse(latency.Groups["ms"].Value, CultureInfo.InvariantCulture) : null,
            version);
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string[] Connection(PostgresCluster cluster, string database) =>
        ["-h", cluster.Maintenance.Host ?? "127.0.0.1", "-p", Invariant(cluster.Maintenance.Port),
         "-U", cluster.Maintenance.Username ?? "postgres", database];

    private static async Task<string> RunProcessAsync(string file, string[] arguments)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var output = await stdout + await stderr;
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{output}");
        return output;
    }
}
