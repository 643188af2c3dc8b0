using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static OpenCcer.Server.Tests.ExchangeServer;
using static OpenCcer.Server.Tests.ServerFixture;

namespace OpenCcer.Server.Tests;

/// <summary>
/// The units behind an open listing are a registry reservation that only the exchange may release or
/// deliver: the registry's reservation endpoints refuse it, whoever calls, and the exchange's own cancel
/// still releases it.
/// </summary>
public sealed class ExchangeReservationGuardTests(ExchangeServer server) : IClassFixture<ExchangeServer>
{
    private const string Code = "SD-OW-0001";
    private const int Vintage = 2023;
    private const string Market = $"/api/v1/exchange/markets/{Code}/2023";
    private const string Owned = "/problems/reservation-owned-by-exchange";

    private async Task<long> Reserved(long account)
    {
        var holdings = await Ok(await server.As(Admin).GetAsync($"/api/v1/accounts/{account}/holdings"));
        var h = holdings.EnumerateArray().Single(h => h.GetProperty("project_code").GetString() == Code && h.GetProperty("vintage").GetInt32() == Vintage);
        return h.GetProperty("reserved_tonnes").GetInt64();
    }

    /// <summary>The reservation whose purpose names the order, found by reading reservations from the first.</summary>
    private async Task<JsonElement> ReservationOfOrder(long orderId)
    {
        for (var id = 1; id <= 1_000; id++)
        {
            var response = await server.As(Admin).GetAsync($"/api/v1/reservations/{id}");
            if (response.StatusCode == HttpStatusCode.NotFound) break;
            var r = await Ok(response);
            if (r.GetProperty("purpose").GetString()!.EndsWith($" order {orderId}", StringComparison.Ordinal)) return r;
        }
        throw new InvalidOperationException($"No reservation for order {orderId}.");
    }

    [Fact]
    public async Task an_exchange_reservation_is_released_only_by_the_exchange()
    {
        var spic = server.As(Spic);
        var seller = await server.TradingAccountOf(Spic);
        var buyer = await server.TradingAccountOf(Cement);
        server.At(2, 10, 0);
        await Ok(await spic.PostAsJsonAsync("/api/v1/exchange/instruments",
            new { operation_id = "list-1", project_code = Code, vintage = Vintage, quantity_tonnes = 1_000, initial_price_fen = 60_00 }));
        server.At(3, 10, 0);
        var listing = (await Ok(await spic.PostAsJsonAsync(Market + "/listings",
            new { operation_id = "sell-1", side = "sell", price_fen = 60_50, quantity_tonnes = 400 }))).GetProperty("order_id").GetInt64();
        var reservation = await ReservationOfOrder(listing);
        var id = reservation.GetProperty("id").GetInt64();
        Assert.Equal((seller, 400L), (reservation.GetProperty("account_id").GetInt64(), reservation.GetProperty("remaining").GetInt64()));

        // The owner, the registry and the exchange operator are all refused on the registry's path.
        foreach (var key in new[] { Spic, Admin, Exchange })
        {
            await Problem(await server.As(key).PostAsJsonAsync($"/api/v1/reservations/{id}/release", new { operation_id = $"rel-{key}" }),
                HttpStatusCode.Conflict, Owned);
        }
        foreach (var key in new[] { Admin, Exchange })
        {
            await Problem(await server.As(key).PostAsJsonAsync($"/api/v1/reservations/{id}/settle",
                new { operation_id = $"set-{key}", to_account_id = buyer, quantity_tonnes = 100 }), HttpStatusCode.Conflict, Owned);
        }
        await Problem(await spic.PostAsJsonAsync("/api/v1/cancellations", new
        {
            operation_id = "cancel-held",
            account_id = seller,
            project_code = Code,
            vintage = Vintage,
            quantity_tonnes = 100,
            purpose = "voluntary_public_interest",
            beneficiary = "SPIC",
            reservation_id = id,
        }), HttpStatusCode.Conflict, Owned);
        // Nor may anyone else make a reservation that looks like the exchange's.
        await Problem(await spic.PostAsJsonAsync("/api/v1/reservations", new
        {
            operation_id = "fake",
            account_id = seller,
            project_code = Code,
            vintage = Vintage,
            quantity_tonnes = 1,
            purpose = $"exchange {Code}-{Vintage} order 999999",
        }), HttpStatusCode.BadRequest, "/problems/invalid-input");
        Assert.Equal(400L, await Reserved(seller));

        // The exchange's own path still works: the owner cancels the listing and the units come back.
        await Ok(await spic.PostAsJsonAsync($"{Market}/listings/{listing}/cancel", new { operation_id = "cancel-1" }));
        Assert.Equal(0L, await Reserved(seller));
        Assert.Equal(0L, (await ReservationOfOrder(listing)).GetProperty("remaining").GetInt64());
    }
}
