using OpenCcer.Storage.Simulation;
using Xunit.Abstractions;

namespace OpenCcer.Storage.Tests.Simulation;

/// <summary>
/// The short run of the write-path simulation; the long run is
/// <c>dotnet run -c Release --project bench/OpenCcer.Benchmarks -- simulate --steps 2000000</c>.
/// Each run of <see cref="EngineSimulation.StepsPerRun"/> steps starts from an empty registry under its
/// own seed, so the state stays small enough to check every invariant after every step.
/// </summary>
public sealed class EngineSimulationTests(ITestOutputHelper output)
{
    [Fact]
    public void ten_thousand_steps_with_faults_at_the_storage_boundary_keep_every_invariant()
    {
        var first = int.TryParse(Environment.GetEnvironmentVariable("OPENCCER_SEED"), out var s) ? s : Random.Shared.Next(0, int.MaxValue - 1000);
        var runs = Environment.GetEnvironmentVariable("OPENCCER_SEED") is null ? 20 : 1;
        output.WriteLine($"seeds {first}..{first + runs - 1} (replay one with OPENCCER_SEED=<seed>)");
        var counts = new Dictionary<string, long>();
        long rows = 0;
        for (var seed = first; seed < first + runs; seed++)
        {
            var simulation = new EngineSimulation(seed);
            for (var i = 0; i < EngineSimulation.StepsPerRun; i++) simulation.Step();
            simulation.CheckFinal();
            rows += simulation.JournalRows;
            foreach (var (k, v) in simulation.Counts) counts[k] = counts.GetValueOrDefault(k) + v;
        }
        output.WriteLine(string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{c.Key} {c.Value}")));
        Assert.True(rows > runs * 100, $"only {rows} journal rows: the mix refuses too much to test anything");
        if (runs == 1) return;
        foreach (var counter in new[] { "fault-CommitFailed", "fault-AcknowledgementLost", "fault-RestartBeforeProjection", "restart", "replayed", "conflict", "refused", "projections-rebuilt" })
            Assert.True(counts.GetValueOrDefault(counter) > 0, $"seeds from {first}: no {counter} happened");
    }

    [Fact]
    public void the_same_seed_gives_the_same_run()
    {
        var a = new EngineSimulation(42);
        var b = new EngineSimulation(42);
        for (var i = 0; i < EngineSimulation.StepsPerRun; i++)
        {
            a.Step();
            b.Step();
        }
        Assert.Equal(a.Counts, b.Counts);
        Assert.Equal(a.JournalRows, b.JournalRows);
        Assert.Equal(a.StateHash, b.StateHash);
    }
}
