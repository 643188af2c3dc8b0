using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static OpenCcer.Server.Tests.ExchangeServer;
using static OpenCcer.Server.Tests.ServerFixture;

namespace OpenCcer.Server.Tests;

/// <summary>
/// The exchange operator restricts a subject in a market and lifts it; twenty cancels in a minute raise an
/// order-then-cancel flag that the operator and the regulator read, and nobody else.
/// </summary>
public sealed class SurveillanceApiTests(ExchangeServer server) : IClassFixture<ExchangeServer>
{
    private const string Code = "SD-OW-0001";
    private const int Vintage = 2023;
    private const string Market = $"/api/v1/exchange/markets/{Code}/2023";

    [Fact]
    public async Task the_operator_restricts_and_lifts_a_subject_and_reads_the_flags_with_the_regulator()
    {
        var spic = server.As(Spic);
        var exchange = server.As(Exchange);
        var seller = await server.TradingAccountOf(Spic);
        server.At(2, 10, 0);
        await Ok(await spic.PostAsJsonAsync("/api/v1/exchange/instruments",
            new { operation_id = "list-1", project_code = Code, vintage = Vintage, quantity_tonnes = 1_000, initial_price_fen = 60_00 }));
        server.At(3, 10, 0);

        // Restricted, the seller cannot list; lifted, it can. Restricting twice, or a non-trading account, is refused.
        await Ok(await exchange.PostAsJsonAsync(Market + "/restrictions", new { operation_id = "r-1", participant_id = seller, reason = "inquiry 12" }));
        await Problem(await exchange.PostAsJsonAsync(Market + "/restrictions", new { operation_id = "r-2", participant_id = seller, reason = "again" }),
            HttpStatusCode.Conflict, "/problems/subject-restricted");
        await Problem(await exchange.PostAsJsonAsync(Market + "/restrictions", new { operation_id = "r-3", participant_id = 999_999, reason = "x" }),
            HttpStatusCode.NotFound, "/problems/no-trading-account");
        await Problem(await exchange.PostAsJsonAsync(Market + "/restrictions", new { operation_id = "r-4", reason = "x" }),
            HttpStatusCode.BadRequest, "/problems/invalid-input");
        await Problem(await spic.PostAsJsonAsync(Market + "/listings", new { operation_id = "blocked", side = "sell", price_fen = 60_50, quantity_tonnes = 10 }),
            HttpStatusCode.Conflict, "/problems/subject-restricted");
        await Problem(await spic.PostAsJsonAsync(Market + "/restrictions", new { operation_id = "self-lift", participant_id = seller, reason = "x" }),
            HttpStatusCode.Forbidden, "/problems/forbidden");
        await Ok(await exchange.PostAsJsonAsync($"{Market}/restrictions/{seller}/lift", new { operation_id = "lift-1" }));
        await Problem(await exchange.PostAsJsonAsync($"{Market}/restrictions/{seller}/lift", new { operation_id = "lift-2" }),
            HttpStatusCode.Conflict, "/problems/subject-not-restricted");

        // Twenty listings cancelled within a minute: one order-then-cancel flag.
        Assert.Empty((await Ok(await exchange.GetAsync("/api/v1/exchange/surveillance/flags"))).EnumerateArray());
        for (var i = 0; i < 20; i++)
        {
            var id = (await Ok(await spic.PostAsJsonAsync(Market + "/listings",
                new { operation_id = $"post-{i}", side = "sell", price_fen = 61_00 + i, quantity_tonnes = 1 }))).GetProperty("order_id").GetInt64();
            await Ok(await spic.PostAsJsonAsync($"{Market}/listings/{id}/cancel", new { operation_id = $"cancel-{i}" }));
        }
        foreach (var key in new[] { Exchange, Regulator })
        {
            var flag = Assert.Single((await Ok(await server.As(key).GetAsync("/api/v1/exchange/surveillance/flags"))).EnumerateArray());
            Assert.Equal(("order_then_cancel", seller, Code, Vintage), (flag.GetProperty("kind").GetString(), flag.GetProperty("participant_id").GetInt64(),
                flag.GetProperty("project_code").GetString(), flag.GetProperty("vintage").GetInt32()));
            var before = flag.GetProperty("sequence").GetInt64();
            Assert.Empty((await Ok(await server.As(key).GetAsync($"/api/v1/exchange/surveillance/flags?before_sequence={before}"))).EnumerateArray());
            // The large-holder threshold is off by default: no reports.
            Assert.Empty((await Ok(await server.As(key).GetAsync("/api/v1/exchange/surveillance/large-holders"))).EnumerateArray());
        }
        foreach (var key in new[] { Spic, Cement, Admin })
            await Problem(await server.As(key).GetAsync("/api/v1/exchange/surveillance/flags"), HttpStatusCode.Forbidden, "/problems/forbidden");
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.As(null).GetAsync("/api/v1/exchange/surveillance/large-holders")).StatusCode);
    }
}
