using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using OpenCcer.Core.Primitives;
using OpenCcer.Storage;
using Xunit.Abstractions;

namespace OpenCcer.Reliability.Tests;

/// <summary>
/// 64 concurrent HTTP clients on the same two accounts and one registry instrument (transfers,
/// cancellations, reservations) and on the same exchange instrument (deposits, sell and buy listings,
/// takes, cancels), the server in its own process on the standard market clock, started in the morning
/// session of a trading day (<c>Clock:StartAt</c>); afterwards balances, blocks, reservations, cash and
/// both journals agree exactly, and the holdings are exactly what the acknowledged operations predict.
/// Settling the day before its close is refused. Then the server starts again on the same store after the
/// close, the exchange operator closes the day and settles it, cash and units move exactly as the trades
/// say, and everything is checked again.
/// </summary>
public sealed class ConcurrencyTests(ITestOutputHelper output)
{

    /// <summary>A Tuesday that is a working day on the shipped PRC calendar.</summary>
    private static readonly DateOnly TradingDay = new(2026, 12, 1);

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgresql")]
    public async Task sixty_four_clients_on_the_same_accounts_leave_balances_blocks_reservations_and_journal_in_agreement(string provider)
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("OPENCCER_SEED"), out var s) ? s : Random.Shared.Next();
        var perClient = int.TryParse(Environment.GetEnvironmentVariable("OPENCCER_CONCURRENCY_REQUESTS"), out var n) ? n : 10;
        output.WriteLine($"{provider}: seed {seed} (OPENCCER_SEED), {perClient} operations per client (OPENCCER_CONCURRENCY_REQUESTS)");
        var connectionString = TestStores.New(provider);
        var server = await StartAsync(connectionString, At(10, 0));
        try
        {
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
            Dictionary<long, ExchangeWorkload.Position> positions;
            await using var check = LedgerStore.Open(connectionString);
            using (var http = Client(server))
            {
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
                var problems = await workload.CheckAsync(check, before);
                problems.AddRange(await exchange.CheckAsync(connectionString, check, http, exchangeBefore));
                Assert.True(problems.Count == 0, string.Join("\n", problems.Take(30)));

                // In the session the day has not closed: settling it is refused and changes nothing.
                var (early, earlyBody) = await SettleAsync(http, TradingDay);
                Assert.True(early == HttpStatusCode.Conflict && earlyBody.Contains("/problems/settlement-too-early", StringComparison.Ordinal),
                    $"settling during the session: {early} {earlyBody}");
                positions = await ExchangeWorkload.PositionsAsync(connectionString, check, http);
            }
            output.WriteLine($"server log (session):\n{server.Log}");
            await server.DisposeAsync();

            // After the close, on the same store: close the day and settle it.
            server = await StartAsync(connectionString, At(15, 30));
            using (var http = Client(server))
            {
                var (closeStatus, closeBody) = await OperatorAsync(http, "/api/v1/exchange/close", $$"""{"operation_id":"close-{{Guid.NewGuid():N}}"}""");
                Assert.True(closeStatus == HttpStatusCode.OK, $"close: {closeStatus} {closeBody}");
                var (status, body) = await SettleAsync(http, TradingDay);
                Assert.True(status == HttpStatusCode.OK, $"settle {TradingDay}: {status} {body}");
                var settledTrades = JsonDocument.Parse(body).RootElement.GetProperty("settled_trades").GetArrayLength();
                output.WriteLine($"settled {settledTrades} trades of {TradingDay:yyyy-MM-dd}");
                var problems = await exchange.CheckSettlementAsync(connectionString, check, http, positions, settledTrades);
                problems.AddRange(await workload.CheckAsync(check, before));
                problems.AddRange(await exchange.CheckAsync(connectionString, check, http, exchangeBefore));
                Assert.True(problems.Count == 0, "after settlement:\n" + string.Join("\n", problems.Take(30)));
            }
            output.WriteLine($"server log (after the close):\n{server.Log}");
        }
        finally
        {
            await server.DisposeAsync();
        }
        // The same store with the clock set back to the morning session: journal instants would go
        // backwards, so the server refuses to start and says why.
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(connectionString, At(10, 0)));
        Assert.Contains("the last instant this store recorded", refused.Message, StringComparison.Ordinal);
    }

    /// <summary>The server on the standard market clock, its clock started at <paramref name="startAt"/>.</summary>
    private static Task<ServerProcess> StartAsync(string connectionString, string startAt) =>
        ServerProcess.StartAsync(connectionString, null, "--Exchange:AlwaysOpenDemo", "false", "--Clock:StartAt", startAt);

    private static string At(int hour, int minute) =>
        ChinaClock.At(TradingDay, new TimeOnly(hour, minute)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static HttpClient Client(ServerProcess server) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(60) };

    private static Task<(HttpStatusCode, string)> SettleAsync(HttpClient http, DateOnly date) =>
        OperatorAsync(http, "/api/v1/exchange/settlements",
            $$"""{"operation_id":"settle-{{date:yyyyMMdd}}-{{Guid.NewGuid():N}}","date":"{{date:yyyy-MM-dd}}"}""");

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
