using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OpenCcer.Server.Tests;

/// <summary>
/// A cement plant through a compliance period over HTTP. The plant acquires its CCERs the way an exchange
/// trade settles in the registry: the seller reserves units in its trading account, the exchange settles
/// them to the plant's trading account, and the plant moves them to its registry account.
/// </summary>
public sealed class ComplianceApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string CementSubject = "91110000MA01CEMT02";

    private static async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode status, string type)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(type, (await ServerFixture.Json(response)).GetProperty("type").GetString());
    }

    private async Task<(long Registry, long Trading)> AccountsOf(string key)
    {
        var accounts = await Ok(await server.As(key).GetAsync("/api/v1/accounts"));
        long Of(int kind) => accounts.EnumerateArray().First(a => a.GetProperty("kind").GetInt32() == kind).GetProperty("id").GetInt64();
        return (Of(1), Of(2));
    }

    private async Task BuyCcers(long tonnes)
    {
        var (_, spicTrading) = await AccountsOf(ServerFixture.Spic);
        var (cementRegistry, cementTrading) = await AccountsOf(ServerFixture.Cement);
        var sell = await Ok(await server.As(ServerFixture.Spic).PostAsJsonAsync("/api/v1/reservations", new
        {
            operation_id = "sell-order-cement",
            account_id = spicTrading,
            project_code = "SD-OW-0001",
            vintage = 2024,
            quantity_tonnes = tonnes,
            purpose = "listed sell order",
        }));
        var reservation = sell.GetProperty("event").GetProperty("reservation").GetInt64();
        await Ok(await server.As(ServerFixture.Exchange).PostAsJsonAsync($"/api/v1/reservations/{reservation}/settle",
            new { operation_id = "settle-cement", to_account_id = cementTrading, quantity_tonnes = tonnes }));
        await Ok(await server.As(ServerFixture.Cement).PostAsJsonAsync("/api/v1/transfers", new
        {
            operation_id = "cement-to-registry",
            from_account_id = cementTrading,
            to_account_id = cementRegistry,
            project_code = "SD-OW-0001",
            vintage = 2024,
            quantity_tonnes = tonnes,
            reason = "from_trading",
        }));
    }

    private static object Surrender(string op, long allowances, long offsets) => new
    {
        operation_id = op,
        allowance_tonnes = allowances,
        offsets = new[] { new { project_code = "SD-OW-0001", vintage = 2024, quantity_tonnes = offsets } },
    };

    [Fact]
    public async Task a_cement_plant_surrenders_allowances_and_exactly_five_percent_ccers_and_ends_compliant()
    {
        var regulator = server.As(ServerFixture.Regulator);
        var cement = server.As(ServerFixture.Cement);
        const string period = $"/api/v1/compliance/entities/{CementSubject}/periods/2025";
        await Ok(await regulator.PostAsJsonAsync("/api/v1/compliance/entities", new { subject_id = CementSubject, sector = "cement", province = "Beijing" }));
        await Ok(await regulator.PostAsJsonAsync($"{period}/allocations", new { operation_id = "cea-2025-cement", quantity_tonnes = 96_000 }));
        var verified = await Ok(await regulator.PostAsJsonAsync($"{period}/emissions", new { verified_tonnes = 100_000 }));
        Assert.Equal(5_000, verified.GetProperty("offset_limit_tonnes").GetInt64());
        Assert.Equal(100_000, verified.GetProperty("shortfall_tonnes").GetInt64());
        await BuyCcers(6_000);

        await AssertProblem(await cement.PostAsJsonAsync($"{period}/surrenders", Surrender("surrender-over", 94_999, 5_001)),
            HttpStatusCode.Conflict, "/problems/offset-limit-exceeded");
        await AssertProblem(await server.As(ServerFixture.Spic).PostAsJsonAsync($"{period}/surrenders", Surrender("spic", 1, 1)),
            HttpStatusCode.Forbidden, "/problems/forbidden");

        var done = await Ok(await cement.PostAsJsonAsync($"{period}/surrenders", Surrender("surrender-2025", 95_000, 5_000)));
        var status = done.GetProperty("status");
        Assert.True(status.GetProperty("compliant").GetBoolean());
        Assert.Equal(0, status.GetProperty("shortfall_tonnes").GetInt64());
        Assert.Equal(5_000, status.GetProperty("offsets_used_tonnes").GetInt64());
        Assert.Equal(95_000, status.GetProperty("surrendered_allowances_tonnes").GetInt64());

        var offsetCertificate = done.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("unit_class").GetString() == "ccer")
            .GetProperty("certificate_number").GetString();
        var cancellation = await Ok(await server.As(null).GetAsync($"/api/v1/public/cancellations/{offsetCertificate}"));
        Assert.Equal("national_ets_offset", cancellation.GetProperty("purpose").GetString());
        Assert.Equal(5_000, cancellation.GetProperty("quantity_tonnes").GetInt64());
        var certificate = await Ok(await server.As(null).GetAsync($"/api/v1/public/certificates/{offsetCertificate}"));
        Assert.Equal(CementSubject, certificate.GetProperty("compliance").GetProperty("subject_id").GetString());
        Assert.Equal(2025, certificate.GetProperty("compliance").GetProperty("period").GetInt32());

        var read = await Ok(await cement.GetAsync(period));
        Assert.True(read.GetProperty("status").GetProperty("compliant").GetBoolean());
        Assert.Equal(2, read.GetProperty("lines").GetArrayLength());
        await AssertProblem(await server.As(ServerFixture.Spic).GetAsync(period), HttpStatusCode.Forbidden, "/problems/forbidden");

        var overview = await Ok(await regulator.GetAsync("/api/v1/compliance/overview?period=2025"));
        var sector = overview.GetProperty("sectors").EnumerateArray().Single(s => s.GetProperty("sector").GetString() == "cement");
        Assert.Equal(1, sector.GetProperty("compliant").GetInt32());
        Assert.Equal(5_000, sector.GetProperty("offsets_used_tonnes").GetInt64());
        await AssertProblem(await cement.GetAsync("/api/v1/compliance/overview"), HttpStatusCode.Forbidden, "/problems/forbidden");

        var statistics = await Ok(await server.As(null).GetAsync("/api/v1/public/statistics"));
        var offsets = statistics.GetProperty("offsets_by_compliance_period").EnumerateArray().Single();
        Assert.Equal(("2025", 1L, 5_000L), (offsets.GetProperty("key").GetString(), offsets.GetProperty("count").GetInt64(), offsets.GetProperty("tonnes").GetInt64()));
        var byPurpose = statistics.GetProperty("cancellations_by_purpose").EnumerateArray().ToList();
        Assert.Equal(5_000, byPurpose.Single(p => p.GetProperty("key").GetString() == "national_ets_offset").GetProperty("tonnes").GetInt64());
        Assert.DoesNotContain(byPurpose, p => p.GetProperty("key").GetString() == "allowance_surrender");
    }

    [Fact]
    public async Task bad_input_and_unknown_entities_are_problems_not_errors()
    {
        var regulator = server.As(ServerFixture.Regulator);
        await AssertProblem(await regulator.PostAsJsonAsync("/api/v1/compliance/entities", new { subject_id = CementSubject, sector = "fishing", province = "Beijing" }),
            HttpStatusCode.BadRequest, "/problems/invalid-input");
        await AssertProblem(await regulator.PostAsJsonAsync("/api/v1/compliance/entities", new { subject_id = "91370000MA3CSPIC01", sector = "power", province = "Shandong" }),
            HttpStatusCode.Conflict, "/problems/not-key-emitting-unit");
        await AssertProblem(await regulator.PostAsJsonAsync("/api/v1/compliance/entities/NOBODY/periods/2025/emissions", new { verified_tonnes = 1 }),
            HttpStatusCode.NotFound, "/problems/entity-not-found");
        await AssertProblem(await regulator.PostAsJsonAsync("/api/v1/compliance/entities/NOBODY/periods/1900/emissions", new { verified_tonnes = 1 }),
            HttpStatusCode.BadRequest, "/problems/period-out-of-range");
        await AssertProblem(await server.As(ServerFixture.Cement).PostAsJsonAsync($"/api/v1/compliance/entities/{CementSubject}/periods/2025/surrenders",
            new { operation_id = "x", offsets = new[] { new { project_code = "SD-OW-0001" } } }), HttpStatusCode.BadRequest, "/problems/invalid-input");
        await AssertProblem(await regulator.PutAsJsonAsync("/api/v1/compliance/offset-projects/SD-OW-0001", new { legacy = true }),
            HttpStatusCode.BadRequest, "/problems/invalid-input");
    }
}
