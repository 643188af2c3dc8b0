using System.Net;
using System.Text;
using System.Text.Json;
using OpenCcer.Storage;
using Xunit.Abstractions;

namespace OpenCcer.Reliability.Tests;

/// <summary>
/// 64 concurrent HTTP clients on the same two accounts and one registry instrument (transfers,
/// cancellations, reservations) and on the same exchange instrument (deposits, sell and buy listings,
/// takes, cancels), the server in its own process; afterwards balances, blocks, reservations, cash and
/// both journals agree exactly, and the holdings are exactly what the acknowledged operations predict.
/// Then the exchange operator closes the day and settles it, and everything is checked again.
/// </summary>
public sealed class ConcurrencyTests(ITestOutputHelper output)
{
    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgresql")]
    public async Task sixty_four_clients_on_the_same_accounts_leave_balances_blocks_reservations_and_journal_in_agreement(string provider)
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("OPENCCER_SEED"), out var s) ? s : Random.Shared.Next();
        var perClient = int.TryParse(Environment.GetEnvironmentVariable("OPENCCER_CONCURRENCY_REQUESTS"), out var n) ? n : 10;
        output.WriteLine($"{provider}: seed {seed} (OPENCCER_SEED), {perClient} operations per client (OPENCCER_CONCURRENCY_REQUESTS)");
        var connectionString = TestStores.New(provider);
        await using var server = await ServerProcess.StartAsync(connectionString);
        HoldingSnapshot before;
        ExchangeWorkload.Snapshot exchangeBefore;
        await using (var store = LedgerStore.Open(connectionString))
        {
            before = await HoldingSnapshot.TakeAsync(store, "SD-OW-0001", 2024);
            await ExchangeWorkload.AddKeysAsync(store);
            exchangeBefore = await ExchangeWorkload.TakeAsync(connectionString, store);
        }
        var workload = new RegistryWorkload("SD-OW-0001", 2024);
        var exchange = new ExchangeWorkload();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(60) };
        var random = new Random(seed);
        var clients = Enumerable.Range(0, 64).Select(c => new Random(random.Next())).Select(r => Task.Run(async () =>
        {
            for (var i = 0; i < perClient; i++)
            {
                if (r.Next(2) == 0)
                {
                    var op = workload.NewOperation(r);
                    Assert.True(await workload.SendAsync(http, op), $"{op.Id} got no answer from a running server");
                    if (r.Next(10) == 0) Assert.True(await workload.SendAsync(http, op)); // a retry, answered as a replay
                }
                else
                {
                    var op = exchange.NewOperation(r);
                    Assert.True(await exchange.SendAsync(http, op), $"{op.Id} got no answer from a running server");
                    if (r.Next(10) == 0) Assert.True(await exchange.SendAsync(http, op));
                }
            }
        })).ToList();
        await Task.WhenAll(clients);
        output.WriteLine($"registry {workload.Applied} applied ({workload.Replays} replays), {workload.Refused} refused; " +
            $"exchange {exchange.Applied} applied ({exchange.Replays} replays, {exchange.Trades} trades), {exchange.Refused} refused ({exchange.RefusalSummary})");
        Assert.Equal(0, workload.Unacknowledged);
        Assert.Equal(0, exchange.Unacknowledged);
        Assert.True(workload.Applied > 20 * perClient, $"only {workload.Applied} registry operations applied");
        Assert.True(exchange.Applied > 20 * perClient && exchange.Trades > 0, $"only {exchange.Applied} exchange commands applied, {exchange.Trades} trades");
        await using var check = LedgerStore.Open(connectionString);
        var problems = await workload.CheckAsync(check, before);
        problems.AddRange(await exchange.CheckAsync(connectionString, check, http, exchangeBefore));
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(30)));

        // Close the day and settle it. On the always-open demo clock a day closes at midnight China Standard
        // Time, so settling today before then must be refused as too early and change nothing; settling a
        // day that has closed settles its trades, and everything must agree again either way.
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(ChinaStandardTime).DateTime);
        var (closeStatus, closeBody) = await OperatorAsync(http, "/api/v1/exchange/close", $$"""{"operation_id":"close-{{Guid.NewGuid():N}}"}""");
        Assert.True(closeStatus == HttpStatusCode.OK, $"close: {closeStatus} {closeBody}");
        foreach (var date in new[] { today.AddDays(-1), today })
        {
            var (status, body) = await OperatorAsync(http, "/api/v1/exchange/settlements",
                $$"""{"operation_id":"settle-{{date:yyyyMMdd}}-{{Guid.NewGuid():N}}","date":"{{date:yyyy-MM-dd}}"}""");
            output.WriteLine($"settle {date:yyyy-MM-dd}: {(int)status} {body}");
            if (status != HttpStatusCode.OK)
                Assert.True(status == HttpStatusCode.Conflict && body.Contains("/problems/settlement-too-early", StringComparison.Ordinal),
                    $"settle {date}: {status} {body}");
        }
        problems = await workload.CheckAsync(check, before);
        problems.AddRange(await exchange.CheckAsync(connectionString, check, http, exchangeBefore));
        Assert.True(problems.Count == 0, "after settlement:\n" + string.Join("\n", problems.Take(30)));
        output.WriteLine($"server log:\n{server.Log}");
    }

    private static async Task<(HttpStatusCode, string)> OperatorAsync(HttpClient http, string path, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Api-Key", RegistryWorkload.ExchangeKey);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode == HttpStatusCode.OK) JsonDocument.Parse(text).RootElement.GetProperty("sequence").GetInt64();
        return (response.StatusCode, text);
    }
}
