using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static OpenCcer.Server.Tests.ServerFixture;

namespace OpenCcer.Server.Tests;

/// <summary>
/// A cement plant through a compliance period, buying its CCERs on the exchange on the standard market
/// clock: allocation and verified emissions, a listed-agreement trade settled delivery versus payment,
/// the units moved to the plant's registry account, then a surrender of 5% + 1 t (refused) and of
/// exactly 5% (accepted), ending compliant with the CCERs cancelled as national ETS offsets.
/// </summary>
public sealed class ComplianceThroughExchangeTests(ExchangeServer server) : IClassFixture<ExchangeServer>
{
    private const string CementSubject = "91110000MA01CEMT02";
    private const string Code = "SD-OW-0001";
    private const int Vintage = 2024;
    private const string Market = $"/api/v1/exchange/markets/{Code}/2024";
    private const string Period = $"/api/v1/compliance/entities/{CementSubject}/periods/2025";

    private static async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private async Task<(long Registry, long Trading)> AccountsOf(string key)
    {
        var accounts = await Ok(await server.As(key).GetAsync("/api/v1/accounts"));
        long Of(int kind) => accounts.EnumerateArray().First(a => a.GetProperty("kind").GetInt32() == kind).GetProperty("id").GetInt64();
        return (Of(1), Of(2));
    }

    private async Task<(long Available, long Cancelled)> Holding(long account)
    {
        var holdings = await Ok(await server.As(Admin).GetAsync($"/api/v1/accounts/{account}/holdings"));
        var h = holdings.EnumerateArray().SingleOrDefault(h => h.GetProperty("project_code").GetString() == Code && h.GetProperty("vintage").GetInt32() == Vintage);
        return h.ValueKind == JsonValueKind.Undefined ? (0, 0) : (h.GetProperty("available_tonnes").GetInt64(), h.GetProperty("cancelled_tonnes").GetInt64());
    }

    private static object Surrender(string op, long allowances, long offsets) => new
    {
        operation_id = op,
        allowance_tonnes = allowances,
        offsets = new[] { new { project_code = Code, vintage = Vintage, quantity_tonnes = offsets } },
    };

    [Fact]
    public async Task a_cement_plant_buys_ccers_on_the_exchange_and_surrenders_exactly_five_percent()
    {
        var regulator = server.As(Regulator);
        var cement = server.As(Cement);
        var spic = server.As(Spic);
        var (cementRegistry, cementTrading) = await AccountsOf(Cement);

        // Monday: the plant is registered, receives 96,000 t of allowances and reports 100,000 t verified.
        server.At(2, 10, 0);
        await Ok(await regulator.PostAsJsonAsync("/api/v1/compliance/entities", new { subject_id = CementSubject, sector = "cement", province = "Beijing" }));
        await Ok(await regulator.PostAsJsonAsync($"{Period}/allocations", new { operation_id = "cea-2025", quantity_tonnes = 96_000 }));
        var verified = await Ok(await regulator.PostAsJsonAsync($"{Period}/emissions", new { verified_tonnes = 100_000 }));
        Assert.Equal(5_000, verified.GetProperty("offset_limit_tonnes").GetInt64());

        // SPIC moves 6,000 t to trading and lists the instrument at 60.00 CNY/t; it trades from Tuesday.
        await Ok(await spic.PostAsJsonAsync("/api/v1/exchange/instruments",
            new { operation_id = "list-cement-lot", project_code = Code, vintage = Vintage, quantity_tonnes = 6_000, initial_price_fen = 60_00 }));

        // Tuesday: the plant deposits 400,000.00 CNY and takes SPIC's 6,000 t listing at 60.00.
        server.At(3, 10, 0);
        await Ok(await cement.PostAsJsonAsync("/api/v1/exchange/cash/deposits", new { operation_id = "cement-dep", amount_fen = 400_000_00 }));
        var posted = await Ok(await spic.PostAsJsonAsync(Market + "/listings", new { operation_id = "spic-sell", side = "sell", price_fen = 60_00, quantity_tonnes = 6_000 }));
        var listing = posted.GetProperty("order_id").GetInt64();
        var taken = await Ok(await cement.PostAsJsonAsync($"{Market}/listings/{listing}/take", new { operation_id = "cement-take", quantity_tonnes = 6_000 }));
        var trade = Assert.Single(taken.GetProperty("trades").EnumerateArray());
        Assert.Equal((360_000_00L, 2_160_00L), (trade.GetProperty("turnover_fen").GetInt64(), trade.GetProperty("buyer_fee_fen").GetInt64()));

        // After the close the exchange closes the day and settles: the units reach the plant's trading account.
        server.At(3, 15, 30);
        await Ok(await server.As(Exchange).PostAsJsonAsync("/api/v1/exchange/close", new { operation_id = "close-cement" }));
        await Ok(await server.As(Exchange).PostAsJsonAsync("/api/v1/exchange/settlements", new { operation_id = "settle-cement", date = "2026-03-03" }));
        Assert.Equal((6_000L, 0L), await Holding(cementTrading));
        var cash = await Ok(await cement.GetAsync("/api/v1/exchange/cash"));
        Assert.Equal(400_000_00L - 360_000_00L - 2_160_00L, cash.GetProperty("balance_fen").GetInt64());

        // Wednesday: the plant moves the units to its registry account and surrenders.
        server.At(4, 10, 0);
        await Ok(await cement.PostAsJsonAsync("/api/v1/transfers", new
        {
            operation_id = "cement-from-trading",
            from_account_id = cementTrading,
            to_account_id = cementRegistry,
            project_code = Code,
            vintage = Vintage,
            quantity_tonnes = 6_000,
            reason = "from_trading",
        }));

        var over = await cement.PostAsJsonAsync($"{Period}/surrenders", Surrender("surrender-over", 94_999, 5_001));
        Assert.Equal(HttpStatusCode.Conflict, over.StatusCode);
        Assert.Equal("/problems/offset-limit-exceeded", (await Json(over)).GetProperty("type").GetString());
        Assert.Equal((6_000L, 0L), await Holding(cementRegistry));

        var done = await Ok(await cement.PostAsJsonAsync($"{Period}/surrenders", Surrender("surrender-2025", 95_000, 5_000)));
        var status = done.GetProperty("status");
        Assert.True(status.GetProperty("compliant").GetBoolean());
        Assert.Equal((0L, 5_000L, 95_000L), (status.GetProperty("shortfall_tonnes").GetInt64(), status.GetProperty("offsets_used_tonnes").GetInt64(),
            status.GetProperty("surrendered_allowances_tonnes").GetInt64()));
        Assert.Equal((1_000L, 5_000L), await Holding(cementRegistry));

        var certificate = done.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("unit_class").GetString() == "ccer")
            .GetProperty("certificate_number").GetString();
        var cancellation = await Ok(await server.As(null).GetAsync($"/api/v1/public/cancellations/{certificate}"));
        Assert.Equal(("national_ets_offset", 5_000L), (cancellation.GetProperty("purpose").GetString(), cancellation.GetProperty("quantity_tonnes").GetInt64()));
    }
}
