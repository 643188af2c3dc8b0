using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace OpenCcer.Server.Tests;

public sealed class RegistryApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task<long> JournalRows() =>
        (await ServerFixture.Json(await server.As(null).GetAsync("/health"))).GetProperty("journal_rows").GetInt64();

    private static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode status, string type)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ServerFixture.Json(response);
        Assert.Equal(type, problem.GetProperty("type").GetString());
    }

    private async Task<(long Registry, long Trading)> OpenSubject(string subject)
    {
        var response = await server.As(ServerFixture.Admin).PostAsJsonAsync("/api/v1/accounts",
            new { operation_id = "open-" + subject, subject_id = subject, subject_name = "Test " + subject, holder_type = "other_trading_subject" });
        var e = (await ServerFixture.Json(response)).GetProperty("event");
        return (e.GetProperty("registry_account").GetInt64(), e.GetProperty("trading_account").GetInt64());
    }

    [Fact]
    public async Task health_openapi_and_the_reference_page_are_served()
    {
        var client = server.As(null);
        var health = await ServerFixture.Json(await client.GetAsync("/health"));
        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.True(health.GetProperty("journal_rows").GetInt64() > 20);
        var openapi = await ServerFixture.Json(await client.GetAsync("/openapi/v1.json"));
        Assert.True(openapi.GetProperty("paths").TryGetProperty("/api/v1/transfers", out _));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/scalar/v1")).StatusCode);
    }

    [Fact]
    public async Task the_public_reads_show_the_seeded_registry_without_signing_in()
    {
        var client = server.As(null);
        var totals = await ServerFixture.Json(await client.GetAsync("/api/v1/public/totals"));
        Assert.Equal(6_200, totals.GetProperty("cancelled_tonnes").GetInt64());
        var issuances = await ServerFixture.Json(await client.GetAsync("/api/v1/public/issuances?project_code=SD-OW-0001"));
        Assert.StartsWith("CCER-SD-OW-0001-2022-1-", issuances[0].GetProperty("serials").GetString());
        var cancellations = await ServerFixture.Json(await client.GetAsync("/api/v1/public/cancellations"));
        var certificate = cancellations[0].GetProperty("certificate_number").GetString();
        var one = await client.GetAsync($"/api/v1/public/cancellations/{certificate}");
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        await AssertProblem(await client.GetAsync("/api/v1/public/cancellations/NOPE"), HttpStatusCode.NotFound, "/problems/not-found");
    }

    [Fact]
    public async Task writes_need_a_key_and_the_right_role()
    {
        var issue = new { operation_id = "i-1", reference = "R-1", project_code = "T-1", vintage = 2024, quantity_tonnes = 10, account_id = 1 };
        var before = await JournalRows();
        await AssertProblem(await server.As(null).PostAsJsonAsync("/api/v1/issuances", issue), HttpStatusCode.Unauthorized, "/problems/unauthenticated");
        await AssertProblem(await server.As("wrong-key").PostAsJsonAsync("/api/v1/issuances", issue), HttpStatusCode.Unauthorized, "/problems/unauthenticated");
        await AssertProblem(await server.As(ServerFixture.Spic).PostAsJsonAsync("/api/v1/issuances", issue), HttpStatusCode.Forbidden, "/problems/forbidden");
        await AssertProblem(await server.As(ServerFixture.Regulator).PostAsJsonAsync("/api/v1/issuances", issue), HttpStatusCode.Forbidden, "/problems/forbidden");
        Assert.Equal(before, await JournalRows());
    }

    [Fact]
    public async Task a_participant_acts_only_on_its_own_accounts()
    {
        // Account 1 is SPIC's registry account; the cement buyer may not move or read it.
        var move = new { operation_id = "m-1", from_account_id = 1, to_account_id = 2, project_code = "SD-OW-0001", vintage = 2022, quantity_tonnes = 1, reason = "to_trading" };
        var before = await JournalRows();
        await AssertProblem(await server.As(ServerFixture.Cement).PostAsJsonAsync("/api/v1/transfers", move), HttpStatusCode.Forbidden, "/problems/forbidden");
        await AssertProblem(await server.As(ServerFixture.Cement).GetAsync("/api/v1/accounts/1/holdings"), HttpStatusCode.Forbidden, "/problems/forbidden");
        Assert.Equal(before, await JournalRows());
        var ok = await server.As(ServerFixture.Spic).PostAsJsonAsync("/api/v1/transfers", move);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Theory]
    [InlineData("{", "body")]
    [InlineData("[1,2]", "body")]
    [InlineData("{\"operation_id\":\"b\",\"reference\":\"R\",\"project_code\":\"T\",\"vintage\":2024,\"quantity_tonnes\":-1,\"account_id\":1}", "quantity_tonnes")]
    [InlineData("{\"operation_id\":\"b\",\"reference\":\"R\",\"project_code\":\"T\",\"vintage\":2024,\"quantity_tonnes\":0,\"account_id\":1}", "quantity_tonnes")]
    [InlineData("{\"operation_id\":\"b\",\"reference\":\"R\",\"project_code\":\"T\",\"vintage\":2024,\"quantity_tonnes\":92233720368547758070,\"account_id\":1}", "quantity_tonnes")]
    [InlineData("{\"operation_id\":\"b\",\"reference\":\"R\",\"project_code\":\"T\",\"vintage\":2024,\"quantity_tonnes\":\"ten\",\"account_id\":1}", "quantity_tonnes")]
    [InlineData("{\"operation_id\":\"b\",\"reference\":\"R\",\"project_code\":\"T\",\"vintage\":2024,\"quantity_tonnes\":10}", "account_id")]
    [InlineData("{\"reference\":\"R\",\"project_code\":\"T\",\"vintage\":2024,\"quantity_tonnes\":10,\"account_id\":1}", "operation_id")]
    public async Task bad_input_is_a_400_naming_the_field_and_changes_nothing(string json, string field)
    {
        var before = await JournalRows();
        var response = await server.As(ServerFixture.Admin).PostAsync("/api/v1/issuances", Body(json));
        await AssertProblem(response, HttpStatusCode.BadRequest, "/problems/invalid-input");
        var problem = await ServerFixture.Json(await server.As(ServerFixture.Admin).PostAsync("/api/v1/issuances", Body(json)));
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(before, await JournalRows());
    }

    [Fact]
    public async Task ledger_refusals_map_to_stable_problem_types()
    {
        var admin = server.As(ServerFixture.Admin);
        await AssertProblem(await admin.PostAsJsonAsync("/api/v1/issuances",
            new { operation_id = "nf", reference = "R-nf", project_code = "T-1", vintage = 2024, quantity_tonnes = 10, account_id = 999_999 }),
            HttpStatusCode.NotFound, "/problems/account-not-found");
        await AssertProblem(await admin.PostAsJsonAsync("/api/v1/issuances",
            new { operation_id = "vy", reference = "R-vy", project_code = "T-1", vintage = 1990, quantity_tonnes = 10, account_id = 1 }),
            HttpStatusCode.BadRequest, "/problems/vintage-out-of-range");
        await AssertProblem(await server.As(ServerFixture.Spic).PostAsJsonAsync("/api/v1/transfers",
            new { operation_id = "too-much", from_account_id = 1, to_account_id = 2, project_code = "SD-OW-0001", vintage = 2022, quantity_tonnes = 900_000_000, reason = "to_trading" }),
            HttpStatusCode.Conflict, "/problems/insufficient-units");
        await AssertProblem(await admin.PostAsync("/api/v1/issuances", new StringContent("x=1", Encoding.UTF8, "text/plain")),
            HttpStatusCode.UnsupportedMediaType, "/problems/unsupported-media-type");
        await AssertProblem(await admin.GetAsync("/api/v1/accounts/999999"), HttpStatusCode.NotFound, "/problems/account-not-found");
        await AssertProblem(await server.As(null).GetAsync("/api/v1/nothing-here"), HttpStatusCode.NotFound, "/problems/not-found");
    }

    [Fact]
    public async Task the_same_operation_id_returns_the_first_result_and_another_body_is_422()
    {
        var (registry, _) = await OpenSubject("IDEMP-1");
        var admin = server.As(ServerFixture.Admin);
        var body = new { operation_id = "issue-idem", reference = "R-idem", project_code = "T-IDEM", vintage = 2024, quantity_tonnes = 100, account_id = registry };
        var first = await ServerFixture.Json(await admin.PostAsJsonAsync("/api/v1/issuances", body));
        var again = await ServerFixture.Json(await admin.PostAsJsonAsync("/api/v1/issuances", body));
        Assert.False(first.GetProperty("replayed").GetBoolean());
        Assert.True(again.GetProperty("replayed").GetBoolean());
        Assert.Equal(first.GetProperty("event").ToString(), again.GetProperty("event").ToString());
        await AssertProblem(await admin.PostAsJsonAsync("/api/v1/issuances", body with { quantity_tonnes = 101 }),
            (HttpStatusCode)422, "/problems/idempotency-conflict");
    }

    [Fact]
    public async Task an_owner_moves_units_to_trading_and_cancels_with_a_certificate()
    {
        var (registry, trading) = await OpenSubject("FLOW-1");
        var admin = server.As(ServerFixture.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/v1/issuances",
            new { operation_id = "flow-issue", reference = "R-flow", project_code = "T-FLOW", vintage = 2025, quantity_tonnes = 1_000, account_id = registry })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/v1/transfers",
            new { operation_id = "flow-move", from_account_id = registry, to_account_id = trading, project_code = "T-FLOW", vintage = 2025, quantity_tonnes = 400, reason = "to_trading" })).StatusCode);
        var cancel = await ServerFixture.Json(await admin.PostAsJsonAsync("/api/v1/cancellations",
            new { operation_id = "flow-cancel", account_id = registry, project_code = "T-FLOW", vintage = 2025, quantity_tonnes = 100, purpose = "voluntary_public_interest", beneficiary = "Flow Co." }));
        var certificate = cancel.GetProperty("event").GetProperty("certificate_number").GetString();
        var holdings = await ServerFixture.Json(await admin.GetAsync($"/api/v1/accounts/{registry}/holdings"));
        Assert.Equal(500, holdings[0].GetProperty("available_tonnes").GetInt64());
        Assert.Equal(100, holdings[0].GetProperty("cancelled_tonnes").GetInt64());
        Assert.Equal("CCER-T-FLOW-2025-1-500", holdings[0].GetProperty("blocks")[0].GetProperty("serial").GetString());
        var verified = await ServerFixture.Json(await server.As(null).GetAsync($"/api/v1/public/cancellations/{certificate}"));
        Assert.Equal("Flow Co.", verified.GetProperty("beneficiary").GetString());
    }
}
