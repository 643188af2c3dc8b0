using System.Net;
using System.Text;
using OpenCcer.Server.Security;

namespace OpenCcer.Server.Tests;

/// <summary>Security headers on every kind of response, and the cross-site check on cookie-authenticated writes.</summary>
public sealed class SecurityHeadersTests(PeopleServer server) : IClassFixture<PeopleServer>
{
    [Theory]
    [InlineData("/health", SecurityHeaders.ApiPolicy)]
    [InlineData("/api/v1/public/totals", SecurityHeaders.ApiPolicy)]
    [InlineData("/api/v1/accounts", SecurityHeaders.ApiPolicy)] // 401 problem details
    [InlineData("/api/v1/no-such-thing", SecurityHeaders.ApiPolicy)] // 404 problem details
    [InlineData("/openapi/v1.json", SecurityHeaders.ApiPolicy)]
    [InlineData("/scalar/v1", SecurityHeaders.PagePolicy)]
    public async Task every_response_carries_the_security_headers(string path, string policy)
    {
        var response = await server.CreateClient().GetAsync(path);
        Assert.Equal(policy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "HSTS must not be sent over plain HTTP");
    }

    [Fact]
    public async Task hsts_is_sent_over_tls_and_credentialed_responses_are_not_stored()
    {
        var client = server.CreateClient(new() { BaseAddress = new Uri("https://127.0.0.1") });
        client.DefaultRequestHeaders.Add("X-Api-Key", ServerFixture.Spic);
        var response = await client.GetAsync("/api/v1/accounts/1/holdings");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SecurityHeaders.HstsValue, response.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.True(response.Headers.CacheControl?.NoStore);
        var anonymous = await server.CreateClient().GetAsync("/api/v1/public/totals");
        Assert.NotEqual(true, anonymous.Headers.CacheControl?.NoStore);
    }

    private static HttpRequestMessage Post(string path, string body, string? origin = null, string? fetchSite = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (origin is not null) request.Headers.Add("Origin", origin);
        if (fetchSite is not null) request.Headers.Add("Sec-Fetch-Site", fetchSite);
        return request;
    }

    [Theory]
    [InlineData("http://evil.example", null)]
    [InlineData("null", null)]
    [InlineData(null, "cross-site")]
    [InlineData("http://localhost", "same-site")]
    public async Task a_cookie_authenticated_write_from_another_site_is_refused(string? origin, string? fetchSite)
    {
        var client = await server.SignedIn("spic.maker");
        var body = """{"operation_id":"csrf-1","account_id":1,"project_code":"SD-OW-0001","vintage":2022,"quantity_tonnes":1,"purpose":"voluntary_public_interest","beneficiary":"x"}""";
        var response = await client.SendAsync(Post("/api/v1/cancellation-requests", body, origin, fetchSite));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(CrossSiteRequestCheck.ProblemType, (await PeopleServer.Json(response)).GetProperty("type").GetString());
        var requests = await (await client.GetAsync("/api/v1/cancellation-requests")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("csrf-1", requests);
    }

    [Fact]
    public async Task sign_in_from_another_site_is_refused_and_from_this_site_accepted()
    {
        var body = """{"user_name":"spic.checker","password":"Ccer-demo-2026!"}""";
        var client = server.CreateClient();
        var refused = await client.SendAsync(Post("/api/v1/auth/sign-in", body, "http://evil.example", "cross-site"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var accepted = await client.SendAsync(Post("/api/v1/auth/sign-in", body, "http://localhost", "same-origin"));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task a_browser_post_marked_same_origin_passes_even_with_a_null_origin()
    {
        var client = await server.SignedIn("spic.maker");
        var body = """{"operation_id":"csrf-same-1","account_id":1,"project_code":"SD-OW-0001","vintage":2022,"quantity_tonnes":1,"purpose":"voluntary_public_interest","beneficiary":"x"}""";
        var response = await client.SendAsync(Post("/api/v1/cancellation-requests", body, "null", "same-origin"));
        Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task a_write_with_an_api_key_is_not_subject_to_the_origin_check()
    {
        var client = server.WithKey(ServerFixture.Spic);
        var body = """{"operation_id":"csrf-key-1","from_account_id":1,"to_account_id":2,"project_code":"SD-OW-0001","vintage":2022,"quantity_tonnes":1,"reason":"to_trading"}""";
        var response = await client.SendAsync(Post("/api/v1/transfers", body, "http://evil.example", "cross-site"));
        Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
