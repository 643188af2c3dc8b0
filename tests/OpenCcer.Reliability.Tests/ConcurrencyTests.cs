using OpenCcer.Storage;
using Xunit.Abstractions;

namespace OpenCcer.Reliability.Tests;

/// <summary>
/// 64 concurrent HTTP clients on the same two accounts and one instrument (transfers, cancellations,
/// reservations), the server in its own process; afterwards balances, blocks, reservations and the
/// journal agree exactly, and the holdings are exactly what the acknowledged operations predict.
/// </summary>
public sealed class ConcurrencyTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgresql")]
    public async Task sixty_four_clients_on_the_same_accounts_leave_balances_blocks_reservations_and_journal_in_agreement(string provider)
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("OPENCCER_SEED"), out var s) ? s : Random.Shared.Next();
        output.WriteLine($"{provider}: seed {seed}");
        var connectionString = TestStores.New(provider);
        await using var server = await ServerProcess.StartAsync(connectionString);
        HoldingSnapshot before;
        await using (var store = LedgerStore.Open(connectionString)) before = await HoldingSnapshot.TakeAsync(store, "SD-OW-0001", 2024);
        var workload = new RegistryWorkload("SD-OW-0001", 2024);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(60) };
        var random = new Random(seed);
        var clients = Enumerable.Range(0, 64).Select(c => new Random(random.Next())).Select(r => Task.Run(async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                var op = workload.NewOperation(r);
                Assert.True(await workload.SendAsync(http, op), $"{op.Id} got no answer from a running server");
                if (r.Next(10) == 0) Assert.True(await workload.SendAsync(http, op)); // a retry, answered as a replay
            }
        })).ToList();
        await Task.WhenAll(clients);
        output.WriteLine($"{workload.Applied} applied ({workload.Replays} replays), {workload.Refused} refused; server log:\n{server.Log}");
        Assert.Equal(0, workload.Unacknowledged);
        Assert.True(workload.Applied > 400, $"only {workload.Applied} operations applied");
        await using var check = LedgerStore.Open(connectionString);
        var problems = await workload.CheckAsync(check, before);
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(30)));
    }
}
