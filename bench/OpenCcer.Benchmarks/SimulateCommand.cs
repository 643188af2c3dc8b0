using System.Diagnostics;
using System.Globalization;
using OpenCcer.Storage.Simulation;

namespace OpenCcer.Benchmarks;

/// <summary>
/// <c>simulate</c>: the long run of the write-path simulation (<see cref="EngineSimulation"/>): many
/// seeds of <see cref="EngineSimulation.StepsPerRun"/> steps each, on every core, with every invariant
/// checked after every step. Prints the failing seed (replay it in the test suite with
/// <c>OPENCCER_SEED=&lt;seed&gt;</c>) and exits 1 on the first failure.
/// Options: <c>--steps N</c> (default 2,000,000), <c>--seed S</c> (first seed, default random).
/// </summary>
public static class SimulateCommand
{
    public static int Run(string[] args, TextWriter output)
    {
        long steps = 2_000_000;
        var first = Random.Shared.Next(0, int.MaxValue / 2);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--steps": steps = long.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--seed": first = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                default:
                    output.WriteLine($"unknown option {args[i]}; usage: simulate [--steps N] [--seed S]");
                    return 2;
            }
        }
        var runs = (int)Math.Max(1, steps / EngineSimulation.StepsPerRun);
        output.WriteLine($"simulate: {runs:N0} runs of {EngineSimulation.StepsPerRun} steps, seeds {first}..{first + runs - 1}, {Environment.ProcessorCount} threads");
        var clock = Stopwatch.StartNew();
        var done = 0;
        long rows = 0;
        var totals = new Dictionary<string, long>(StringComparer.Ordinal);
        SimulationFailure? failure = null;
        Parallel.For(0, runs, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, (run, state) =>
        {
            var simulation = new EngineSimulation(first + run);
            try
            {
                for (var i = 0; i < EngineSimulation.StepsPerRun; i++) simulation.Step();
                simulation.CheckFinal();
            }
            catch (SimulationFailure f)
            {
                failure ??= f;
                state.Stop();
                return;
            }
            lock (totals)
            {
                rows += simulation.JournalRows;
                foreach (var (k, v) in simulation.Counts) totals[k] = totals.GetValueOrDefault(k) + v;
                done++;
                if (done % Math.Max(1, runs / 10) == 0)
                    output.WriteLine($"  {done * (long)EngineSimulation.StepsPerRun:N0} steps, {clock.Elapsed.TotalSeconds:F0} s");
            }
        });
        if (failure is not null)
        {
            output.WriteLine("FAILED: " + failure.Message);
            return 1;
        }
        output.WriteLine($"OK: {done * (long)EngineSimulation.StepsPerRun:N0} steps, {rows:N0} journal rows in {clock.Elapsed.TotalSeconds:F0} s; "
            + string.Join(", ", totals.OrderBy(t => t.Key).Select(t => $"{t.Key} {t.Value:N0}")));
        return 0;
    }
}
