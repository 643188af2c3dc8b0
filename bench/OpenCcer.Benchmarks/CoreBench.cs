using System.Diagnostics;
using OpenCcer.Core.Registry;

namespace OpenCcer.Benchmarks;

/// <summary>
/// Operations per second of <see cref="Ledger.Execute"/> on one thread. Each round replays the same
/// pre-built commands on a fresh, untimed ledger set up the same way; one warm-up round, then the
/// median of the timed rounds.
/// </summary>
public static class CoreBench
{
    public const int CommandsPerRound = 300_000;
    public const int RoundsTimed = 5;

    /// <param name="OpsPerCpuSecondMedian">Commands per second of processor time the process used: on a shared
    /// machine it leaves out the time other work held the core, though not that work's effect on the caches.</param>
    public sealed record Result(string Workload, int Subjects, long CommandsPerRound, int Rounds, double OpsPerSecondMedian,
        double OpsPerSecondMin, double OpsPerSecondMax, double OpsPerCpuSecondMedian, double BytesPerCommand,
        IReadOnlyDictionary<string, long> CommandCounts);

    public static Result Run(CoreWorkload workload, TextWriter log)
    {
        var at = new DateTimeOffset(2025, 6, 1, 8, 0, 0, TimeSpan.Zero);
        var rates = new List<double>();
        var cpuRates = new List<double>();
        var bytes = 0.0;
        for (var round = 0; round <= RoundsTimed; round++)
        {
            var ledger = workload.Setup(at);
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            var commands = workload.Commands;
            long refused = 0;
            var allocatedStarted = GC.GetAllocatedBytesForCurrentThread();
            var cpuStarted = Environment.CpuUsage.TotalTime;
            var started = Stopwatch.GetTimestamp();
            for (var i = 0; i < commands.Length; i++)
            {
                if (!ledger.Execute(commands[i], at).IsOk) refused++;
            }
            var elapsed = Stopwatch.GetElapsedTime(started);
            var cpu = Environment.CpuUsage.TotalTime - cpuStarted;
            var bytesPerCommand = (GC.GetAllocatedBytesForCurrentThread() - allocatedStarted) / (double)commands.Length;
            if (refused != 0) throw new InvalidOperationException($"{workload.Name}: {refused} commands were refused; the workload is wrong.");
            var rate = commands.Length / elapsed.TotalSeconds;
            if (round == 0)
            {
                // The warm-up round also checks that the workload left the ledger sound.
                var problems = ledger.CheckInvariants();
                if (problems.Count != 0) throw new InvalidOperationException($"{workload.Name}: ledger invariants broken: {problems[0]}");
                log.WriteLine($"  core {workload.Name}: warm-up {rate,12:N0} ops/s");
                continue;
            }
            rates.Add(rate);
            cpuRates.Add(commands.Length / cpu.TotalSeconds);
            bytes = bytesPerCommand;
            log.WriteLine($"  core {workload.Name}: round {round}  {rate,12:N0} ops/s  {commands.Length / cpu.TotalSeconds,12:N0} per CPU-second  {bytesPerCommand,6:N0} B/command");
        }
        var counts = workload.Commands.GroupBy(c => c switch
            {
                TransferUnits t => t.Reason == TransferReason.ToTrading ? "transfer_to_trading" : "transfer_from_trading",
                ReserveUnits => "reserve",
                ReleaseReservation r => r.Quantity is null ? "release_all" : "release_part",
                CancelUnits => "cancel",
                _ => c.GetType().Name,
            })
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (long)g.Count());
        return new Result(workload.Name, workload.Subjects, workload.Commands.Length, rates.Count, Stats.Median(rates), rates.Min(), rates.Max(),
            Stats.Median(cpuRates), bytes, counts);
    }
}
