using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static OpenCcer.Server.Tests.ExchangeServer;
using static OpenCcer.Server.Tests.ServerFixture;

namespace OpenCcer.Server.Tests;

/// <summary>Bulk agreements, one-way biddings and suspension through the API, on their own server (cash and holdings are exact).</summary>
public sealed class ExchangeMethodsApiTests(ExchangeServer server) : IClassFixture<ExchangeServer>
{
    private const string Market = "/api/v1/exchange/markets/SD-OW-0001/2022";

    private async Task<long> Held(string key) => (await Ok(await server.As(key).GetAsync("/api/v1/exchange/cash"))).GetProperty("held_fen").GetInt64();

    [Fact]
    public async Task bulk_proposals_biddings_and_suspension_hold_and_release_what_they_should()
    {
        var spic = server.As(Spic);
        var cement = server.As(Cement);
        var exchange = server.As(Exchange);
        server.At(2, 10, 0);
        await Ok(await spic.PostAsJsonAsync("/api/v1/exchange/instruments",
            new { operation_id = "list", project_code = "SD-OW-0001", vintage = 2022, quantity_tonnes = 2_000, initial_price_fen = 60_00 }));
        server.At(3, 10, 0);
        await Ok(await cement.PostAsJsonAsync("/api/v1/exchange/cash/deposits", new { operation_id = "dep", amount_fen = 700_000_000 }));

        // Bulk agreements trade in the afternoon only; a buy proposal holds 100,000 t × (60.00 + 0.36) and a decline releases it.
        var proposal = new { operation_id = "bulk-1", counterparty_subject_id = "91370000MA3CSPIC01", side = "buy", price_fen = 60_00, quantity_tonnes = 100_000 };
        await Problem(await cement.PostAsJsonAsync(Market + "/bulk", proposal), HttpStatusCode.Conflict, "/problems/outside-session");
        server.At(3, 13, 30);
        var proposed = await Ok(await cement.PostAsJsonAsync(Market + "/bulk", proposal with { operation_id = "bulk-2" }));
        Assert.Equal(603_600_000L, await Held(Cement));
        var id = proposed.GetProperty("order_id").GetInt64();
        await Problem(await cement.PostAsJsonAsync($"{Market}/bulk/{id}/confirm", new { operation_id = "self-confirm" }),
            HttpStatusCode.Forbidden, "/problems/not-counterparty");
        await Ok(await spic.PostAsJsonAsync($"{Market}/bulk/{id}/decline", new { operation_id = "decline" }));
        Assert.Equal(0L, await Held(Cement));

        // A one-way bidding: SPIC sells 1,000 t, reserve 59.00; the buyer bids 500 t at 61.00; the exchange allocates after the window.
        var start = new DateTimeOffset(2026, 3, 3, 13, 30, 0, TimeSpan.FromHours(8));
        var bidding = await Ok(await spic.PostAsJsonAsync(Market + "/biddings", new
        {
            operation_id = "bidding",
            side = "sell",
            quantity_tonnes = 1_000,
            reserve_price_fen = 59_00,
            window_start = start,
            window_end = start.AddMinutes(30),
            pricing = "pay_as_bid",
        }));
        var biddingId = bidding.GetProperty("order_id").GetInt64();
        server.At(3, 13, 40);
        await Ok(await cement.PostAsJsonAsync($"{Market}/biddings/{biddingId}/bids", new { operation_id = "bid", price_fen = 61_00, quantity_tonnes = 500 }));
        Assert.Equal(500 * (61_00 + 37L), await Held(Cement));
        await Problem(await exchange.PostAsJsonAsync($"{Market}/biddings/{biddingId}/close", new { operation_id = "close-early" }),
            HttpStatusCode.Conflict, "/problems/bidding-not-ended");
        server.At(3, 14, 0);
        var closed = await Ok(await exchange.PostAsJsonAsync($"{Market}/biddings/{biddingId}/close", new { operation_id = "close-bidding" }));
        var trade = Assert.Single(closed.GetProperty("trades").EnumerateArray());
        Assert.Equal((61_00L, 500L), (trade.GetProperty("price_fen").GetInt64(), trade.GetProperty("quantity_tonnes").GetInt64()));
        // 500 t × 61.00 = 30,500.00 + 183.00 fee, held until settlement.
        Assert.Equal(30_683_00L, await Held(Cement));

        // Suspension: the operator stops trading; the market refuses new listings until it resumes.
        await Ok(await exchange.PostAsJsonAsync(Market + "/suspend", new { operation_id = "suspend", reason = "disclosure pending" }));
        Assert.True((await Ok(await server.As(null).GetAsync(Market))).GetProperty("suspended").GetBoolean());
        await Problem(await spic.PostAsJsonAsync(Market + "/listings", new { operation_id = "while-suspended", side = "sell", price_fen = 60_00, quantity_tonnes = 1 }),
            HttpStatusCode.Conflict, "/problems/instrument-suspended");
        await Problem(await spic.PostAsJsonAsync(Market + "/suspend", new { operation_id = "not-operator", reason = "x" }), HttpStatusCode.Forbidden, "/problems/forbidden");
        await Ok(await exchange.PostAsJsonAsync(Market + "/resume", new { operation_id = "resume" }));

        server.At(3, 15, 30);
        await Ok(await exchange.PostAsJsonAsync("/api/v1/exchange/settlements", new { operation_id = "settle", date = "2026-03-03" }));
        Assert.Equal(0L, await Held(Cement));
        var report = Assert.Single((await Ok(await cement.GetAsync("/api/v1/exchange/settlements/2026-03-03/report"))).EnumerateArray());
        Assert.Equal((500L, 30_500_00L, 183_00L), (report.GetProperty("bought_tonnes").GetInt64(), report.GetProperty("paid_fen").GetInt64(),
            report.GetProperty("fees_fen").GetInt64()));
        Assert.Equal("one_way_bidding", Assert.Single(report.GetProperty("lines").EnumerateArray()).GetProperty("method").GetString());
    }
}
