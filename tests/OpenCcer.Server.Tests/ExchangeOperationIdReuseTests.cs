using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OpenCcer.Storage.Exchange;
using static OpenCcer.Server.Tests.ExchangeServer;
using static OpenCcer.Server.Tests.ServerFixture;

namespace OpenCcer.Server.Tests;

/// <summary>
/// One operation id reused for another instrument, or for a cancel and then a decline of the same order, is a
/// different request: the trading page and the API both refuse it (422) and change nothing.
/// </summary>
public sealed partial class ExchangeOperationIdReuseTests(ExchangeServer server) : IClassFixture<ExchangeServer>
{
    private const string Market = "/api/v1/exchange/markets/SD-OW-0001/2022";

    private ExchangeEngine Exchange => server.Services.GetRequiredService<ExchangeEngine>();

    private async Task<HttpClient> SignedIn(string userName)
    {
        var client = server.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/sign-in", new { user_name = userName, password = People.DemoPeople.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return client;
    }

    /// <summary>Posts a trading-page form with the page's antiforgery token; returns the page it answers with.</summary>
    private static async Task<HttpResponseMessage> PostForm(HttpClient client, string handler, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync("/portal/trading");
        fields["__RequestVerificationToken"] = Token().Match(page).Groups[1].Value;
        return await client.PostAsync("/portal/trading?handler=" + handler, new FormUrlEncodedContent(fields));
    }

    private static Dictionary<string, string> Order(string operationId, string projectCode, int vintage, string field, long id) => new()
    {
        ["operationId"] = operationId,
        ["projectCode"] = projectCode,
        ["vintage"] = vintage.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [field] = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task an_operation_id_reused_for_another_instrument_or_action_is_refused_by_the_page_and_the_api()
    {
        var spic = server.As(Spic);
        server.At(2, 10, 0);
        await Ok(await spic.PostAsJsonAsync("/api/v1/exchange/instruments",
            new { operation_id = "list", project_code = "SD-OW-0001", vintage = 2022, quantity_tonnes = 2_000, initial_price_fen = 60_00 }));
        server.At(3, 10, 0);
        var listing = (await Ok(await spic.PostAsJsonAsync(Market + "/listings", new { operation_id = "sell", side = "sell", price_fen = 60_50, quantity_tonnes = 10 })))
            .GetProperty("order_id").GetInt64();

        // The page: the listing is not on the demo market (refused and journaled); the same id on its own market is another request.
        var person = await SignedIn("spic.maker");
        var first = await PostForm(person, "CancelListing", Order("page-reuse", "GD-OW-0002", 2024, "listing", listing));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var (sequence, state) = (Exchange.Sequence, await Exchange.StateHashAsync());
        var reused = await PostForm(person, "CancelListing", Order("page-reuse", "SD-OW-0001", 2022, "listing", listing));
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.Contains("Operation &#x27;page-reuse&#x27; was committed with another body", await reused.Content.ReadAsStringAsync());
        var declined = await PostForm(person, "DeclineBulk", Order("page-reuse", "GD-OW-0002", 2024, "proposal", listing));
        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        Assert.Contains("Operation &#x27;page-reuse&#x27; was committed with another body", await declined.Content.ReadAsStringAsync());
        Assert.Equal((sequence, state), (Exchange.Sequence, await Exchange.StateHashAsync()));
        Assert.Equal(10L, Exchange.Market(new("SD-OW-0001", 2022))!.Sells.Single(l => l.Id.Value == listing).Open.Value);

        // The API: a cancel, then a decline of the same order, then the same cancel on another instrument, under one id.
        await Problem(await spic.PostAsJsonAsync($"{Market}/listings/{listing + 1000}/cancel", new { operation_id = "api-reuse" }),
            HttpStatusCode.NotFound, "/problems/listing-not-found");
        (sequence, state) = (Exchange.Sequence, await Exchange.StateHashAsync());
        await Problem(await spic.PostAsJsonAsync($"{Market}/bulk/{listing + 1000}/decline", new { operation_id = "api-reuse" }),
            HttpStatusCode.UnprocessableEntity, "/problems/idempotency-conflict");
        await Problem(await spic.PostAsJsonAsync($"/api/v1/exchange/markets/GD-OW-0002/2024/listings/{listing + 1000}/cancel", new { operation_id = "api-reuse" }),
            HttpStatusCode.UnprocessableEntity, "/problems/idempotency-conflict");
        await Problem(await spic.PostAsJsonAsync($"{Market}/listings/{listing}/cancel", new { operation_id = "page-reuse" }),
            HttpStatusCode.UnprocessableEntity, "/problems/idempotency-conflict");
        Assert.Equal((sequence, state), (Exchange.Sequence, await Exchange.StateHashAsync()));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
