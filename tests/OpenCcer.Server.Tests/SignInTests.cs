using System.Net;
using System.Net.Http.Json;

namespace OpenCcer.Server.Tests;

public sealed class SignInTests(PeopleServer server) : IClassFixture<PeopleServer>
{
    [Fact]
    public async Task a_person_signs_in_with_a_cookie_acts_in_their_organisations_role_and_signs_out()
    {
        var client = await server.SignedIn("spic.maker");
        var me = await PeopleServer.Json(await client.GetAsync("/api/v1/auth/me"));
        Assert.Equal(("cookie", "project-owner", "91370000MA3CSPIC01", "spic.maker"),
            (me.GetProperty("authenticated_by").GetString(), me.GetProperty("role").GetString(), me.GetProperty("subject_id").GetString(),
             me.GetProperty("user_name").GetString()));
        var accounts = await PeopleServer.Json(await client.GetAsync("/api/v1/accounts"));
        Assert.All(accounts.EnumerateArray(), a => Assert.Equal("91370000MA3CSPIC01", a.GetProperty("subject_id").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/accounts/1/holdings")).StatusCode);
        await PeopleServer.Problem(await client.PostAsJsonAsync("/api/v1/issuances", new { }), HttpStatusCode.Forbidden, "/problems/forbidden");

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/v1/auth/sign-out", null)).StatusCode);
        await PeopleServer.Problem(await client.GetAsync("/api/v1/auth/me"), HttpStatusCode.Unauthorized, "/problems/unauthenticated");
    }

    [Fact]
    public async Task the_cookie_is_http_only_and_same_site_strict()
    {
        var response = await server.CreateClient().PostAsJsonAsync("/api/v1/auth/sign-in", new { user_name = "cqc.verifier", password = People.DemoPeople.Password });
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("openccer.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task a_wrong_password_or_unknown_user_is_401_with_a_problem_type()
    {
        var client = server.CreateClient();
        await PeopleServer.Problem(await client.PostAsJsonAsync("/api/v1/auth/sign-in", new { user_name = "jidong.trader", password = "not-the-password" }),
            HttpStatusCode.Unauthorized, "/problems/sign-in-failed");
        await PeopleServer.Problem(await client.PostAsJsonAsync("/api/v1/auth/sign-in", new { user_name = "nobody", password = "x" }),
            HttpStatusCode.Unauthorized, "/problems/sign-in-failed");
        var missing = await PeopleServer.Problem(await client.PostAsJsonAsync("/api/v1/auth/sign-in", new { user_name = "jidong.trader" }),
            HttpStatusCode.BadRequest, "/problems/invalid-input");
        Assert.True(missing.GetProperty("errors").TryGetProperty("password", out _));
        await PeopleServer.Problem(await client.PostAsync("/api/v1/auth/sign-in", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json")),
            HttpStatusCode.BadRequest, "/problems/invalid-input");
    }

    [Fact]
    public async Task five_failed_sign_ins_lock_the_person_out_even_with_the_right_password()
    {
        await server.Organisation("91440000MA4LOCK001", "trading-participant", "lock.me");
        var client = server.CreateClient();
        for (var i = 0; i < 5; i++)
            await PeopleServer.Problem(await client.PostAsJsonAsync("/api/v1/auth/sign-in", new { user_name = "lock.me", password = "Wrong-password-1!" }),
                i < 4 ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden, i < 4 ? "/problems/sign-in-failed" : "/problems/locked-out");
        await PeopleServer.Problem(await client.PostAsJsonAsync("/api/v1/auth/sign-in", new { user_name = "lock.me", password = People.DemoPeople.Password }),
            HttpStatusCode.Forbidden, "/problems/locked-out");
        var organisation = (await server.Store.People.OrganisationOfSubjectAsync("91440000MA4LOCK001"))!;
        var user = Assert.Single(await server.Store.People.UsersOfOrganisationAsync(organisation.Id));
        Assert.True(user.LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(10));
    }

    [Fact]
    public async Task a_key_issued_to_a_person_acts_for_that_person_and_is_stored_hashed()
    {
        var organisationId = await server.Organisation("91320000MA02KEYS01", "trading-participant", "desk.one");
        var admin = server.WithKey(ServerFixture.Admin);
        var organisation = await PeopleServer.Json(await admin.GetAsync($"/api/v1/admin/organisations/{organisationId}"));
        var userId = organisation.GetProperty("users")[0].GetProperty("id").GetString();
        var issued = await admin.PostAsJsonAsync("/api/v1/admin/api-keys", new { organisation_id = organisationId, user_id = userId, label = "trading desk" });
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var key = (await PeopleServer.Json(issued)).GetProperty("api_key").GetString()!;
        Assert.Null(await server.Store.People.ApiKeyAsync(key));
        var me = await PeopleServer.Json(await server.WithKey(key).GetAsync("/api/v1/auth/me"));
        Assert.Equal(("api_key", userId, organisationId, "trading-participant"),
            (me.GetProperty("authenticated_by").GetString(), me.GetProperty("user_id").GetString(), me.GetProperty("organisation_id").GetString(),
             me.GetProperty("role").GetString()));
    }

    [Fact]
    public async Task administration_refuses_bad_input_with_field_errors_and_duplicates_with_409()
    {
        var admin = server.WithKey(ServerFixture.Admin);
        var bad = await PeopleServer.Problem(await admin.PostAsJsonAsync("/api/v1/admin/organisations", new { name = "X", subject_id = "short", role = "king" }),
            HttpStatusCode.BadRequest, "/problems/invalid-input");
        Assert.True(bad.GetProperty("errors").TryGetProperty("subject_id", out _));
        Assert.True(bad.GetProperty("errors").TryGetProperty("role", out _));
        await PeopleServer.Problem(await admin.PostAsJsonAsync("/api/v1/admin/organisations",
            new { name = "Again", subject_id = "91370000MA3CSPIC01", role = "project-owner" }), HttpStatusCode.Conflict, "/problems/subject-id-taken");
        var id = await server.Organisation("91330000MA2WEAK001", "vvb");
        var weak = await PeopleServer.Problem(await admin.PostAsJsonAsync($"/api/v1/admin/organisations/{id}/users",
            new { user_name = "weak.one", email = "weak@openccer.example", display_name = "Weak", password = "short" }), HttpStatusCode.BadRequest, "/problems/invalid-input");
        Assert.True(weak.GetProperty("errors").TryGetProperty("password", out _));
        await PeopleServer.Problem(await admin.PostAsJsonAsync($"/api/v1/admin/organisations/{id}/users",
            new { user_name = "spic.maker", email = "other@openccer.example", display_name = "Dup", password = People.DemoPeople.Password }),
            HttpStatusCode.Conflict, "/problems/user-name-taken");
        await PeopleServer.Problem(await admin.PostAsJsonAsync($"/api/v1/admin/organisations/{Guid.NewGuid()}/users",
            new { user_name = "ghost", email = "ghost@openccer.example", display_name = "Ghost", password = People.DemoPeople.Password }),
            HttpStatusCode.NotFound, "/problems/organisation-not-found");
    }
}

/// <summary>A server that allows three sign-in attempts a minute from one address.</summary>
public sealed class ThrottledServer : PeopleServer
{
    protected override int SignInPermitsPerMinute => 3;
}

public sealed class SignInRateLimitTests(ThrottledServer server) : IClassFixture<ThrottledServer>
{
    [Fact]
    public async Task sign_in_attempts_beyond_the_limit_get_429_with_problem_details_and_retry_after()
    {
        var client = server.CreateClient();
        for (var i = 0; i < 3; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests,
                (await client.PostAsJsonAsync("/api/v1/auth/sign-in", new { user_name = "mee.regulator", password = "Wrong-password-1!" })).StatusCode);
        var refused = await client.PostAsJsonAsync("/api/v1/auth/sign-in", new { user_name = "mee.regulator", password = People.DemoPeople.Password });
        var problem = await PeopleServer.Problem(refused, HttpStatusCode.TooManyRequests, "/problems/too-many-requests");
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.True(refused.Headers.RetryAfter is not null);
        // Other endpoints are not limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/public/totals")).StatusCode);
    }
}
