using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace OpenCcer.Server.Tests;

/// <summary>The people server on a clock the test moves: starts Monday 2026-03-02, 10:00 China Standard Time.</summary>
public sealed class PeopleClockServer : PeopleServer
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>An offshore wind project from draft to units issued, each step by a signed-in person of the right role.</summary>
public sealed class PeopleLifecycleTests(PeopleClockServer server) : IClassFixture<PeopleClockServer>
{
    private const string Sha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private static async Task<JsonElement> Ok(HttpClient client, string path, object? body = null)
    {
        var response = await client.PostAsJsonAsync(path, body ?? new { });
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {json}");
        return json;
    }

    [Fact]
    public async Task people_of_each_role_take_an_offshore_wind_project_to_issued_units()
    {
        // Sessions last 8 hours: after the clock jumps past a notice, everyone signs in again.
        HttpClient owner = null!, validator = null!, verifier = null!, registry = null!, reviewer = null!;
        async Task SignInAll()
        {
            owner = await server.SignedIn("spic.maker");
            validator = await server.SignedIn("cqc.verifier");
            verifier = await server.SignedIn("cec.verifier");
            registry = await server.SignedIn("registry.admin");
            reviewer = await server.SignedIn("registry.checker");
        }
        await SignInAll();

        var project = (await Ok(owner, "/api/v1/projects", new
        {
            title = "Fujian Changle offshore wind",
            methodology_code = "CCER-01-002-V01",
            province = "Fujian",
            construction_start = "2021-03-01",
            crediting_start = "2022-01-01",
            crediting_years = 10,
        })).GetProperty("id").GetString();
        await Ok(owner, $"/api/v1/projects/{project}/publish", new { vvb_subject_id = "12100000VVB0000005" });
        var early = await validator.PostAsJsonAsync($"/api/v1/projects/{project}/validation/start", new { });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        server.Clock.Advance(TimeSpan.FromDays(35));
        Assert.Equal(HttpStatusCode.Unauthorized, (await owner.PostAsJsonAsync($"/api/v1/projects/{project}/end-notice", new { })).StatusCode);
        await SignInAll();
        await Ok(owner, $"/api/v1/projects/{project}/end-notice");
        await Ok(validator, $"/api/v1/projects/{project}/validation/start");
        await Ok(validator, $"/api/v1/projects/{project}/validation/report", new { conclusion = "positive", document_sha256 = Sha, summary = "Valid." });
        await Ok(owner, $"/api/v1/projects/{project}/apply", new
        {
            uniqueness_commitment_signed = true,
            under_ets_allowance_management = false,
            has_legal_reduction_obligation = false,
            green_certificates_elected = false,
        });
        var ownerReviews = await owner.PostAsJsonAsync($"/api/v1/projects/{project}/review/start", new { });
        Assert.Equal(HttpStatusCode.Forbidden, ownerReviews.StatusCode);
        await Ok(reviewer, $"/api/v1/projects/{project}/review/start");
        await Ok(registry, $"/api/v1/projects/{project}/register");

        var reduction = (await Ok(owner, $"/api/v1/projects/{project}/reductions", new { period_first = "2022-01-01", period_last = "2022-12-31" }))
            .GetProperty("id").GetString();
        await Ok(owner, $"/api/v1/reductions/{reduction}/report", new { quantity_tonnes = 380_000, report_sha256 = Sha });
        await Ok(owner, $"/api/v1/reductions/{reduction}/publish", new { vvb_subject_id = "12100000VVB0000006" });
        server.Clock.Advance(TimeSpan.FromDays(35));
        await SignInAll();
        await Ok(verifier, $"/api/v1/reductions/{reduction}/verification/start");
        await Ok(verifier, $"/api/v1/reductions/{reduction}/verification/report", new { quantity_tonnes = 379_500, report_sha256 = Sha });
        await Ok(owner, $"/api/v1/reductions/{reduction}/apply", new { quantity_tonnes = 379_500 });
        await Ok(reviewer, $"/api/v1/reductions/{reduction}/review/start");
        await Ok(registry, $"/api/v1/reductions/{reduction}/register");
        await Ok(registry, $"/api/v1/reductions/{reduction}/issue");

        var code = (await owner.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{project}")).GetProperty("code").GetString();
        var holdings = await owner.GetFromJsonAsync<JsonElement>("/api/v1/accounts/1/holdings");
        var holding = holdings.EnumerateArray().Single(h => h.GetProperty("project_code").GetString() == code);
        Assert.Equal(379_500, holding.GetProperty("available_tonnes").GetInt64());
        var timeline = await owner.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{project}/timeline");
        var roles = timeline.EnumerateArray().Select(e => e.GetProperty("actor_role").GetString()).Distinct().Order().ToList();
        Assert.Equal(["project_owner", "registry_administrator", "vvb"], roles);
    }
}
