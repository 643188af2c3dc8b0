using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static OpenCcer.Server.Tests.ExchangeServer;
using static OpenCcer.Server.Tests.ServerFixture;

namespace OpenCcer.Server.Tests;

/// <summary>
/// Two participants trade through the API on the standard clock: the project owner lists its units,
/// the buyer deposits cash and takes part of a listing, the exchange closes the day and settles. Every
/// amount is checked to the fen: 300 t at 60.50 CNY/t is 18,150.00 CNY, 6‰ fee 108.90 CNY each side.
/// </summary>
public sealed class ExchangeApiTests(ExchangeServer server) : IClassFixture<ExchangeServer>
{
    private const string Code = "SD-OW-0001";
    private const int Vintage = 2023;
    private const string Market = $"/api/v1/exchange/markets/{Code}/2023";

    private async Task<(long Available, long Reserved)> Holding(long account)
    {
        var holdings = await Ok(await server.As(Admin).GetAsync($"/api/v1/accounts/{account}/holdings"));
        var h = holdings.EnumerateArray().SingleOrDefault(h => h.GetProperty("project_code").GetString() == Code && h.GetProperty("vintage").GetInt32() == Vintage);
        return h.ValueKind == JsonValueKind.Undefined ? (0, 0) : (h.GetProperty("available_tonnes").GetInt64(), h.GetProperty("reserved_tonnes").GetInt64());
    }

    private async Task<(long Balance, long Held, long Available)> Cash(string key)
    {
        var cash = await Ok(await server.As(key).GetAsync("/api/v1/exchange/cash"));
        return (cash.GetProperty("balance_fen").GetInt64(), cash.GetProperty("held_fen").GetInt64(), cash.GetProperty("available_fen").GetInt64());
    }

    [Fact]
    public async Task two_participants_deposit_list_take_close_and_settle_to_the_fen()
    {
        var spic = server.As(Spic);
        var cement = server.As(Cement);
        var exchange = server.As(Exchange);
        var seller = await server.TradingAccountOf(Spic);
        var buyer = await server.TradingAccountOf(Cement);
        server.At(2, 10, 0);
        var (sellerStart, _) = await Holding(seller);

        // Monday: SPIC moves 1,000 t to trading and lists the instrument at 60.00; it trades from Tuesday.
        await Ok(await spic.PostAsJsonAsync("/api/v1/exchange/instruments",
            new { operation_id = "list-1", project_code = Code, vintage = Vintage, quantity_tonnes = 1_000, initial_price_fen = 60_00 }));
        Assert.Equal((sellerStart + 1_000, 0L), await Holding(seller));
        var market = await Ok(await server.As(null).GetAsync(Market));
        Assert.Equal(("2026-03-03", 60_00L), (market.GetProperty("tradable_from").GetString(), market.GetProperty("base_price_fen").GetInt64()));
        await Problem(await spic.PostAsJsonAsync(Market + "/listings", new { operation_id = "early", side = "sell", price_fen = 60_50, quantity_tonnes = 10 }),
            HttpStatusCode.Conflict, "/problems/instrument-not-yet-tradable");

        // Tuesday 10:00: the buyer deposits 100,000.00 CNY; SPIC lists 500 t at 60.50; the buyer takes 300 t.
        server.At(3, 10, 0);
        await Ok(await cement.PostAsJsonAsync("/api/v1/exchange/cash/deposits", new { operation_id = "dep-1", amount_fen = 100_000_00 }));
        var posted = await Ok(await spic.PostAsJsonAsync(Market + "/listings", new { operation_id = "sell-1", side = "sell", price_fen = 60_50, quantity_tonnes = 500 }));
        var listing = posted.GetProperty("order_id").GetInt64();
        Assert.Equal((sellerStart + 500, 500L), await Holding(seller));
        await Problem(await spic.PostAsJsonAsync($"{Market}/listings/{listing}/take", new { operation_id = "self", quantity_tonnes = 1 }),
            HttpStatusCode.Conflict, "/problems/self-take");
        var taken = await Ok(await cement.PostAsJsonAsync($"{Market}/listings/{listing}/take", new { operation_id = "take-1", quantity_tonnes = 300 }));
        var trade = Assert.Single(taken.GetProperty("trades").EnumerateArray());
        Assert.Equal((18_150_00L, 108_90L, 108_90L), (trade.GetProperty("turnover_fen").GetInt64(), trade.GetProperty("buyer_fee_fen").GetInt64(),
            trade.GetProperty("seller_fee_fen").GetInt64()));
        Assert.Equal((100_000_00L, 18_258_90L, 81_741_10L), await Cash(Cement));

        // Market data after the trade: bar, depth, 委比 and 委差, time and sales.
        market = await Ok(await server.As(null).GetAsync(Market));
        Assert.Equal((60_50L, 300L, 18_150_00L), (market.GetProperty("bar").GetProperty("close_fen").GetInt64(),
            market.GetProperty("bar").GetProperty("volume_tonnes").GetInt64(), market.GetProperty("bar").GetProperty("turnover_fen").GetInt64()));
        var ask = Assert.Single(market.GetProperty("asks").EnumerateArray());
        Assert.Equal((60_50L, 200L), (ask.GetProperty("price_fen").GetInt64(), ask.GetProperty("quantity_tonnes").GetInt64()));
        Assert.Equal((-10_000, -200L), (market.GetProperty("imbalance_basis_points").GetInt32(), market.GetProperty("difference_tonnes").GetInt64()));
        var prints = await Ok(await server.As(null).GetAsync(Market + "/trades"));
        Assert.Equal(300L, Assert.Single(prints.EnumerateArray()).GetProperty("quantity_tonnes").GetInt64());

        // After the close the exchange closes the day (the unfilled 200 t expire) and settles.
        await Problem(await exchange.PostAsJsonAsync("/api/v1/exchange/settlements", new { operation_id = "settle-early", date = "2026-03-03" }),
            HttpStatusCode.Conflict, "/problems/settlement-too-early");
        server.At(3, 15, 30);
        await Ok(await exchange.PostAsJsonAsync("/api/v1/exchange/close", new { operation_id = "close-1" }));
        Assert.Equal((sellerStart + 700, 300L), await Holding(seller));
        var settled = await Ok(await exchange.PostAsJsonAsync("/api/v1/exchange/settlements", new { operation_id = "settle-1", date = "2026-03-03" }));
        Assert.Single(settled.GetProperty("settled_trades").EnumerateArray());

        Assert.Equal((sellerStart + 700, 0L), await Holding(seller));
        Assert.Equal((300L, 0L), await Holding(buyer));
        Assert.Equal((81_741_10L, 0L, 81_741_10L), await Cash(Cement));
        Assert.Equal((18_041_10L, 0L, 18_041_10L), await Cash(Spic));
        var fees = await Ok(await exchange.GetAsync("/api/v1/exchange/cash?participant_id=0"));
        Assert.Equal(217_80L, fees.GetProperty("balance_fen").GetInt64());

        var buyerReport = Assert.Single((await Ok(await cement.GetAsync("/api/v1/exchange/settlements/2026-03-03/report"))).EnumerateArray());
        Assert.Equal((300L, 0L, 18_150_00L, 0L, 108_90L, -18_258_90L), (buyerReport.GetProperty("bought_tonnes").GetInt64(),
            buyerReport.GetProperty("sold_tonnes").GetInt64(), buyerReport.GetProperty("paid_fen").GetInt64(), buyerReport.GetProperty("received_fen").GetInt64(),
            buyerReport.GetProperty("fees_fen").GetInt64(), buyerReport.GetProperty("net_cash_fen").GetInt64()));
        var line = Assert.Single(buyerReport.GetProperty("lines").EnumerateArray());
        Assert.Equal(("buy", seller, 60_50L), (line.GetProperty("side").GetString(), line.GetProperty("counterparty_id").GetInt64(), line.GetProperty("price_fen").GetInt64()));
        var sellerReport = Assert.Single((await Ok(await spic.GetAsync("/api/v1/exchange/settlements/2026-03-03/report"))).EnumerateArray());
        Assert.Equal((300L, 18_150_00L, 108_90L, 18_041_10L), (sellerReport.GetProperty("sold_tonnes").GetInt64(),
            sellerReport.GetProperty("received_fen").GetInt64(), sellerReport.GetProperty("fees_fen").GetInt64(), sellerReport.GetProperty("net_cash_fen").GetInt64()));
        Assert.Equal(2, (await Ok(await exchange.GetAsync("/api/v1/exchange/settlements/2026-03-03/report"))).GetArrayLength());

        var statement = (await Ok(await cement.GetAsync("/api/v1/exchange/cash/statement"))).GetProperty("postings").EnumerateArray().ToList();
        Assert.Equal(["deposit", "purchase", "trading_fee"], statement.Select(p => p.GetProperty("kind").GetString()));
        Assert.Equal([100_000_00L, 81_850_00L, 81_741_10L], statement.Select(p => p.GetProperty("balance_fen").GetInt64()));

        // Sale proceeds are usable the same day: SPIC withdraws all of them.
        await Ok(await spic.PostAsJsonAsync("/api/v1/exchange/cash/withdrawals", new { operation_id = "out-1", amount_fen = 18_041_10 }));
        Assert.Equal((0L, 0L, 0L), await Cash(Spic));
        // A second settlement run of the same day finds nothing left; a retry of the first answers as before.
        Assert.Empty((await Ok(await exchange.PostAsJsonAsync("/api/v1/exchange/settlements", new { operation_id = "settle-2", date = "2026-03-03" })))
            .GetProperty("settled_trades").EnumerateArray());
        Assert.True((await Ok(await exchange.PostAsJsonAsync("/api/v1/exchange/settlements", new { operation_id = "settle-1", date = "2026-03-03" })))
            .GetProperty("replayed").GetBoolean());
        Assert.Equal((300L, 0L), await Holding(buyer));
    }

    [Fact]
    public async Task refusals_are_problem_details_with_stable_types()
    {
        var cement = server.As(Cement);
        await Problem(await cement.PostAsJsonAsync("/api/v1/exchange/cash/deposits", new { operation_id = "zero", amount_fen = 0 }),
            HttpStatusCode.BadRequest, "/problems/invalid-input");
        await Problem(await cement.PostAsJsonAsync("/api/v1/exchange/markets/NO-SUCH-1/2024/listings",
            new { operation_id = "nowhere", side = "buy", price_fen = 100, quantity_tonnes = 1 }), HttpStatusCode.NotFound, "/problems/instrument-not-listed");
        await Problem(await server.As(null).GetAsync("/api/v1/exchange/markets/NO-SUCH-1/2024"), HttpStatusCode.NotFound, "/problems/instrument-not-listed");
        await Problem(await cement.PostAsJsonAsync("/api/v1/exchange/cash/withdrawals", new { operation_id = "too-much", amount_fen = 1 }),
            HttpStatusCode.Conflict, "/problems/insufficient-funds");
        await Problem(await cement.PostAsJsonAsync("/api/v1/exchange/instruments",
            new { operation_id = "new-no-price", project_code = "FJ-MG-0004", vintage = 2024, quantity_tonnes = 1 }),
            HttpStatusCode.BadRequest, "/problems/initial-price-required");
        await Problem(await cement.PostAsJsonAsync("/api/v1/exchange/settlements", new { operation_id = "not-mine", date = "2026-03-03" }),
            HttpStatusCode.Forbidden, "/problems/forbidden");
        await Problem(await server.As(null).GetAsync("/api/v1/exchange/feed"), HttpStatusCode.NotAcceptable, "/problems/http-406");
    }

    [Fact]
    public async Task the_feed_sends_the_depth_of_every_market_on_connect()
    {
        var client = server.As(null);
        await Ok(await client.GetAsync("/health")); // the server is up before the clock of this test starts
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/exchange/feed");
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancel.Token));
        Assert.Equal("event: depth", await reader.ReadLineAsync(cancel.Token));
        var data = await reader.ReadLineAsync(cancel.Token);
        Assert.StartsWith("data: ", data);
        Assert.Equal("GD-OW-0002", JsonDocument.Parse(data!["data: ".Length..]).RootElement.GetProperty("project_code").GetString());
    }
}
