using OpenCcer.Storage;
using Xunit.Abstractions;

namespace OpenCcer.Reliability.Tests;

/// <summary>
/// The server in its own process, killed with SIGKILL at random moments while 8 clients send transfers,
/// cancellations and reservations, and trade on the exchange (deposits, sell and buy listings, takes,
/// cancels), all with client-chosen operation ids; after each restart the clients retry every
/// unacknowledged operation with the same id and body. At the end every acknowledged operation is in its
/// journal exactly once, none twice, the holdings are exactly what the applied operations predict, the
/// journal verifies, units and cash are conserved and the exchange's holds equal its open listings.
/// Kills per store: OPENCCER_CRASH_KILLS (default 2; the long run uses 20 or more), seed: OPENCCER_SEED.
/// </summary>
public sealed class CrashSafetyTests(ITestOutputHelper output)
{
    private const string ProjectCode = "SD-OW-0001";
    private const int Vintage = 2023;

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgresql")]
    public async Task acknowledged_operations_survive_sigkill_exactly_once(string provider)
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("OPENCCER_SEED"), out var s) ? s : Random.Shared.Next();
        var kills = int.TryParse(Environment.GetEnvironmentVariable("OPENCCER_CRASH_KILLS"), out var k) ? k : 2;
        output.WriteLine($"{provider}: seed {seed} (OPENCCER_SEED), {kills} kills (OPENCCER_CRASH_KILLS)");
        var wall = System.Diagnostics.Stopwatch.StartNew();
        var random = new Random(seed);
        var connectionString = TestStores.New(provider);
        var port = ServerProcess.FreePort();
        var server = await ServerProcess.StartAsync(connectionString, port);
        HoldingSnapshot before;
        ExchangeWorkload.Snapshot exchangeBefore;
        await using (var store = LedgerStore.Open(connectionString))
        {
            before = await HoldingSnapshot.TakeAsync(store, ProjectCode, Vintage);
            await ExchangeWorkload.AddKeysAsync(store);
            exchangeBefore = await ExchangeWorkload.TakeAsync(connectionString, store);
        }
        var workload = new RegistryWorkload(ProjectCode, Vintage);
        var exchange = new ExchangeWorkload();
        List<string> exchangeProblems;
        using var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(20) };
        try
        {
            for (var kill = 0; kill < kills; kill++)
            {
                // Retry what the last crash left unanswered, alongside new work, then kill at a random moment.
                using var stop = new CancellationTokenSource();
                var clients = Enumerable.Range(0, 8).Select(c => Client(http, workload, exchange, new Random(random.Next()), stop.Token)).ToList();
                // Kill at a random moment once some work has landed since the restart, so each round tests something.
                var appliedBefore = workload.Applied + exchange.Applied;
                var target = random.Next(5, 60);
                var waited = System.Diagnostics.Stopwatch.StartNew();
                while (workload.Applied + exchange.Applied - appliedBefore < target && waited.Elapsed < TimeSpan.FromSeconds(20)) await Task.Delay(10);
                await Task.Delay(random.Next(0, 300));
                await server.KillAsync();
                stop.Cancel();
                await Task.WhenAll(clients);
                output.WriteLine($"kill {kill + 1}: registry {workload.Applied} applied, {workload.Refused} refused, {workload.Unacknowledged} unacknowledged; " +
                    $"exchange {exchange.Applied} applied, {exchange.Refused} refused, {exchange.Unacknowledged} unacknowledged; " +
                    $"answers lost so far: registry {workload.Lost}; exchange {exchange.Lost}");
                if (server.Log.Contains("fail:", StringComparison.Ordinal) || server.Log.Contains("crit:", StringComparison.Ordinal))
                    output.WriteLine($"server log before kill {kill + 1} (errors):\n{server.Log}");
                await server.DisposeAsync();
                server = await ServerProcess.StartAsync(connectionString, port);
            }
            // The last round: no kill; trade on until there is enough to check, retry until every operation is acknowledged.
            for (var i = 0; (exchange.Applied < 20 || exchange.Trades < 3) && i < 500; i++) await exchange.SendAsync(http, exchange.NewOperation(random));
            for (var round = 0; workload.Unacknowledged + exchange.Unacknowledged > 0; round++)
            {
                Assert.True(round < 20, $"{workload.Unacknowledged + exchange.Unacknowledged} operations still unacknowledged after 20 rounds of retries");
                foreach (var op in workload.Pending()) await workload.SendAsync(http, op);
                foreach (var op in exchange.Pending()) await exchange.SendAsync(http, op);
            }
            // Open listings are read from the running server.
            await using var store = LedgerStore.Open(connectionString);
            exchangeProblems = await exchange.CheckAsync(connectionString, store, http, exchangeBefore);
        }
        finally
        {
            await server.DisposeAsync();
        }
        output.WriteLine($"end: registry {workload.Applied} applied, {workload.Refused} refused, {workload.Retries} retries ({workload.Replays} answered as replays); " +
            $"exchange {exchange.Applied} applied ({exchange.Trades} trades), {exchange.Refused} refused, {exchange.Retries} retries ({exchange.Replays} answered as replays) " +
            $"({exchange.RefusalSummary})");
        Assert.True(workload.Applied > 20, "too few registry operations applied to test anything");
        Assert.True(exchange.Applied >= 20 && exchange.Trades >= 3, "too few exchange commands applied to test anything");
        Assert.True(exchangeProblems.Count == 0, $"{provider}, seed {seed}:\n" + string.Join("\n", exchangeProblems.Take(30)));
        await using var check = LedgerStore.Open(connectionString);
        var problems = await workload.CheckAsync(check, before);
        Assert.True(problems.Count == 0, $"{provider}, seed {seed}:\n" + string.Join("\n", problems.Take(30)));
        var report = await JournalVerifier.VerifyAsync(check);
        output.WriteLine($"verify: {(report.IsSound ? "sound" : "NOT sound")}, registry journal {report.JournalRows} rows (state {report.StateHash[..16]}), " +
            $"exchange journal {report.Exchange.JournalRows} rows (state {report.Exchange.StateHash[..Math.Min(16, report.Exchange.StateHash.Length)]}); " +
            $"{kills} kills in {wall.Elapsed.TotalSeconds:F0} s");
        Assert.True(report.IsSound, string.Join("\n", report.Problems));
    }

    /// <summary>One client: retries of unacknowledged operations first, then new ones, until stopped or the server is gone.</summary>
    private static async Task Client(HttpClient http, RegistryWorkload workload, ExchangeWorkload exchange, Random random, CancellationToken stop)
    {
        foreach (var op in workload.Pending().OrderBy(_ => random.Next()).Take(50))
        {
            if (stop.IsCancellationRequested) return;
            await workload.SendAsync(http, op);
        }
        foreach (var op in exchange.Pending().OrderBy(_ => random.Next()).Take(50))
        {
            if (stop.IsCancellationRequested) return;
            await exchange.SendAsync(http, op);
        }
        while (!stop.IsCancellationRequested)
        {
            var answered = random.Next(2) == 0
                ? await workload.SendAsync(http, workload.NewOperation(random))
                : await exchange.SendAsync(http, exchange.NewOperation(random));
            if (!answered) await Task.Delay(20, CancellationToken.None);
        }
    }
}
