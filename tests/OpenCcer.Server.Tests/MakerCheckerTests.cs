using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OpenCcer.Server.Tests;

public sealed class MakerCheckerTests(PeopleServer server) : IClassFixture<PeopleServer>
{
    // SPIC's registry account in the demo seed, holding SD-OW-0001 units.
    private const long SpicAccount = 1;

    private static object Cancellation(string op, long tonnes) => new
    {
        operation_id = op,
        account_id = SpicAccount,
        project_code = "SD-OW-0001",
        vintage = 2023,
        quantity_tonnes = tonnes,
        purpose = "corporate_offset",
        beneficiary = "SPIC Shandong 2025 operations",
    };

    private async Task<JsonElement> Holding(HttpClient client)
    {
        var holdings = await PeopleServer.Json(await client.GetAsync($"/api/v1/accounts/{SpicAccount}/holdings"));
        return holdings.EnumerateArray().Single(h => h.GetProperty("project_code").GetString() == "SD-OW-0001" && h.GetProperty("vintage").GetInt32() == 2023);
    }

    [Fact]
    public async Task a_person_cannot_use_the_direct_endpoints_that_bypass_maker_checker()
    {
        var maker = await server.SignedIn("spic.maker");
        var before = await Holding(maker);
        var cancel = await maker.PostAsJsonAsync("/api/v1/cancellations", Cancellation("direct-by-person", 5));
        Assert.Equal(HttpStatusCode.Forbidden, cancel.StatusCode);
        Assert.Equal("/problems/maker-checker-required", (await PeopleServer.Json(cancel)).GetProperty("type").GetString());
        var admin = await server.SignedIn("registry.admin");
        var restrict = await admin.PostAsJsonAsync($"/api/v1/accounts/{SpicAccount}/state",
            new { operation_id = "direct-restrict", state = "restricted", reason = "test" });
        Assert.Equal(HttpStatusCode.Forbidden, restrict.StatusCode);
        Assert.Equal(before.ToString(), (await Holding(maker)).ToString());
    }

    [Fact]
    public async Task a_cancellation_is_confirmed_only_by_another_person_of_the_same_organisation()
    {
        var maker = await server.SignedIn("spic.maker");
        var checker = await server.SignedIn("spic.checker");
        var before = await Holding(maker);
        var created = await maker.PostAsJsonAsync("/api/v1/cancellation-requests", Cancellation("c-1", 700));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var request = await PeopleServer.Json(created);
        var id = request.GetProperty("id").GetString();
        Assert.Equal("pending", request.GetProperty("status").GetString());
        Assert.True(request.GetProperty("reservation_id").GetInt64() > 0);
        var held = await Holding(maker);
        Assert.Equal(before.GetProperty("reserved_tonnes").GetInt64() + 700, held.GetProperty("reserved_tonnes").GetInt64());

        await PeopleServer.Problem(await maker.PostAsync($"/api/v1/cancellation-requests/{id}/confirm", null), HttpStatusCode.Forbidden,
            "/problems/confirmer-is-initiator");
        var outsider = await server.SignedIn("jidong.trader");
        await PeopleServer.Problem(await outsider.PostAsync($"/api/v1/cancellation-requests/{id}/confirm", null), HttpStatusCode.Forbidden,
            "/problems/other-organisation");
        await PeopleServer.Problem(await (await server.SignedIn("mee.regulator")).PostAsync($"/api/v1/cancellation-requests/{id}/confirm", null),
            HttpStatusCode.Forbidden, "/problems/forbidden");

        var confirmed = await PeopleServer.Json(await checker.PostAsync($"/api/v1/cancellation-requests/{id}/confirm", null));
        Assert.Equal("confirmed", confirmed.GetProperty("status").GetString());
        Assert.StartsWith("Cancelled: certificate ", confirmed.GetProperty("outcome").GetString());
        Assert.Equal($"Cancelled: certificate {confirmed.GetProperty("certificate_number").GetString()}.", confirmed.GetProperty("outcome").GetString());
        var after = await Holding(maker);
        Assert.Equal(before.GetProperty("cancelled_tonnes").GetInt64() + 700, after.GetProperty("cancelled_tonnes").GetInt64());
        Assert.Equal(before.GetProperty("reserved_tonnes").GetInt64(), after.GetProperty("reserved_tonnes").GetInt64());
        var register = await PeopleServer.Json(await server.CreateClient().GetAsync("/api/v1/public/cancellations?limit=500"));
        Assert.Contains(register.EnumerateArray(), c => c.GetProperty("beneficiary").GetString() == "SPIC Shandong 2025 operations"
            && c.GetProperty("quantity_tonnes").GetInt64() == 700);

        await PeopleServer.Problem(await checker.PostAsync($"/api/v1/cancellation-requests/{id}/confirm", null), HttpStatusCode.Conflict, "/problems/state-conflict");
        var detail = await PeopleServer.Json(await maker.GetAsync($"/api/v1/cancellation-requests/{id}"));
        Assert.Equal(["reserving", "pending", "confirmed", "confirmed"], detail.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task a_rejected_cancellation_releases_its_reservation()
    {
        var maker = await server.SignedIn("spic.maker");
        var checker = await server.SignedIn("spic.checker");
        var before = await Holding(maker);
        var id = (await PeopleServer.Json(await maker.PostAsJsonAsync("/api/v1/cancellation-requests", Cancellation("c-2", 300)))).GetProperty("id").GetString();
        await PeopleServer.Problem(await checker.PostAsJsonAsync($"/api/v1/cancellation-requests/{id}/reject", new { }), HttpStatusCode.BadRequest, "/problems/invalid-input");
        var rejected = await PeopleServer.Json(await checker.PostAsJsonAsync($"/api/v1/cancellation-requests/{id}/reject", new { reason = "Wrong vintage." }));
        Assert.Equal(("rejected", "Wrong vintage."), (rejected.GetProperty("status").GetString(), rejected.GetProperty("history")[2].GetProperty("note").GetString()));
        var after = await Holding(maker);
        Assert.Equal(before.GetProperty("available_tonnes").GetInt64(), after.GetProperty("available_tonnes").GetInt64());
        Assert.Equal(before.GetProperty("reserved_tonnes").GetInt64(), after.GetProperty("reserved_tonnes").GetInt64());
        await PeopleServer.Problem(await checker.PostAsync($"/api/v1/cancellation-requests/{id}/confirm", null), HttpStatusCode.Conflict, "/problems/state-conflict");
    }

    [Fact]
    public async Task a_request_the_ledger_cannot_hold_is_refused_and_other_subjects_accounts_are_forbidden()
    {
        var maker = await server.SignedIn("spic.maker");
        await PeopleServer.Problem(await maker.PostAsJsonAsync("/api/v1/cancellation-requests", Cancellation("c-3", 900_000_000)), HttpStatusCode.Conflict,
            "/problems/insufficient-units");
        var refused = (await PeopleServer.Json(await maker.GetAsync("/api/v1/cancellation-requests"))).EnumerateArray()
            .Single(r => r.GetProperty("quantity_tonnes").GetInt64() == 900_000_000);
        Assert.Equal("refused", refused.GetProperty("status").GetString());
        var trader = await server.SignedIn("jidong.trader");
        await PeopleServer.Problem(await trader.PostAsJsonAsync("/api/v1/cancellation-requests", Cancellation("c-4", 1)), HttpStatusCode.Forbidden,
            "/problems/other-organisation");
        var forced = await PeopleServer.Problem(await maker.PostAsJsonAsync("/api/v1/cancellation-requests", new
        {
            operation_id = "c-5",
            account_id = SpicAccount,
            project_code = "SD-OW-0001",
            vintage = 2023,
            quantity_tonnes = 1,
            purpose = "forced",
            beneficiary = "x",
        }), HttpStatusCode.BadRequest, "/problems/invalid-input");
        Assert.True(forced.GetProperty("errors").TryGetProperty("purpose", out _));
    }

    [Fact]
    public async Task an_account_state_change_needs_a_second_administrator()
    {
        var open = await server.WithKey(ServerFixture.Admin).PostAsJsonAsync("/api/v1/accounts",
            new { operation_id = "open-mc", subject_id = "91510000MA7STATE01", subject_name = "State Test", holder_type = "other_trading_subject" });
        var account = (await PeopleServer.Json(open)).GetProperty("event").GetProperty("registry_account").GetInt64();
        var maker = await server.SignedIn("registry.admin");
        var checker = await server.SignedIn("registry.checker");
        var created = await maker.PostAsJsonAsync("/api/v1/account-state-requests",
            new { operation_id = "s-1", account_id = account, state = "restricted", reason = "Overdue annual fee" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await PeopleServer.Json(created)).GetProperty("id").GetString();
        Assert.Equal(1, (await server.Store.Registry.AccountAsync(account))!.State);

        await PeopleServer.Problem(await maker.PostAsync($"/api/v1/account-state-requests/{id}/confirm", null), HttpStatusCode.Forbidden,
            "/problems/confirmer-is-initiator");
        await PeopleServer.Problem(await (await server.SignedIn("spic.checker")).PostAsync($"/api/v1/account-state-requests/{id}/confirm", null),
            HttpStatusCode.Forbidden, "/problems/forbidden");
        var confirmed = await PeopleServer.Json(await checker.PostAsync($"/api/v1/account-state-requests/{id}/confirm", null));
        Assert.Equal("confirmed", confirmed.GetProperty("status").GetString());
        Assert.Equal(2, (await server.Store.Registry.AccountAsync(account))!.State);

        // A reactivation that the second administrator rejects changes nothing.
        var again = (await PeopleServer.Json(await maker.PostAsJsonAsync("/api/v1/account-state-requests",
            new { operation_id = "s-2", account_id = account, state = "active", reason = "Fee paid" }))).GetProperty("id").GetString();
        var rejected = await PeopleServer.Json(await checker.PostAsJsonAsync($"/api/v1/account-state-requests/{again}/reject", new { reason = "Receipt not seen." }));
        Assert.Equal("rejected", rejected.GetProperty("status").GetString());
        Assert.Equal(2, (await server.Store.Registry.AccountAsync(account))!.State);
        var listed = await PeopleServer.Json(await (await server.SignedIn("mee.regulator")).GetAsync("/api/v1/account-state-requests"));
        Assert.Equal(2, listed.GetArrayLength());
    }
}
