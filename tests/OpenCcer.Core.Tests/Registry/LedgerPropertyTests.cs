using OpenCcer.Core.Registry;
using Xunit.Abstractions;

namespace OpenCcer.Core.Tests.Registry;

public sealed class LedgerPropertyTests(ITestOutputHelper output)
{
    private static int Seed()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("OPENCCER_SEED");
        return fromEnvironment is not null ? int.Parse(fromEnvironment, System.Globalization.CultureInfo.InvariantCulture) : Random.Shared.Next();
    }

    [Fact]
    public void ten_thousand_random_operations_keep_every_invariant_and_replay_to_the_same_hash()
    {
        var seed = Seed();
        output.WriteLine($"seed {seed} (replay with OPENCCER_SEED={seed})");
        var simulation = new LedgerSimulation(seed);
        var replica = new Ledger();
        var at = LedgerFixture.T0;
        for (var step = 0; step < 10_000; step++)
        {
            at = at.AddSeconds(17);
            var result = simulation.Step(at);
            if (result.Event is not null) replica.Apply(result.Event);
            var problems = simulation.Ledger.CheckInvariants();
            Assert.True(problems.Count == 0, $"seed {seed}, step {step}: {string.Join("; ", problems)}");
            Assert.All(simulation.Ledger.Holdings, h =>
                Assert.True(h.Available >= 0 && h.Reserved >= 0 && h.Frozen >= 0 && h.Cancelled >= 0, $"seed {seed}, step {step}: negative holding"));
            if (step % 100 == 0 || result.Event is UnitsCancelled or UnitsFrozen)
                Assert.True(simulation.Ledger.StateHash() == replica.StateHash(), $"seed {seed}, step {step}: replay diverged");
        }
        Assert.Equal(simulation.Ledger.StateHash(), replica.StateHash());
        foreach (var (status, count) in simulation.Statuses.OrderBy(kv => kv.Key)) output.WriteLine($"{status}: {count}");
        // The mix must really exercise the ledger, not only refuse.
        Assert.True(simulation.Statuses.GetValueOrDefault(LedgerStatus.Ok) > 2_000, $"seed {seed}: too few accepted operations");
        foreach (var kind in new[] { typeof(UnitsIssued), typeof(UnitsTransferred), typeof(UnitsReserved), typeof(ReservationReleased),
                     typeof(ReservationSettled), typeof(UnitsCancelled), typeof(UnitsFrozen), typeof(UnitsUnfrozen) })
            Assert.True(simulation.Events.Any(e => e.GetType() == kind), $"seed {seed}: no {kind.Name} event");
        Assert.True(simulation.Ledger.Blocks.Count > simulation.Ledger.Issuances.Count, $"seed {seed}: no block was ever split");
    }
}
