using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OpenCcer.Server.Tests;

/// <summary>Projects and reductions driven through the HTTP API, one key per role, on a moving clock.</summary>
public sealed class LifecycleApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string Sha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private async Task<JsonElement> Ok(string key, string path, object? body = null)
    {
        var response = await server.As(key).PostAsJsonAsync(path, body ?? new { });
        var json = await ServerFixture.Json(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {json}");
        return json;
    }

    private async Task Refused(string key, string path, object? body, HttpStatusCode status, string type)
    {
        var response = await server.As(key).PostAsJsonAsync(path, body ?? new { });
        var json = await ServerFixture.Json(response);
        Assert.True(response.StatusCode == status, $"{path}: {(int)response.StatusCode} {json}");
        Assert.Equal(type, json.GetProperty("type").GetString());
    }

    private async Task<string> Draft(string owner, string methodology, string constructionStart = "2020-07-08", string creditingStart = "2021-12-16",
        int years = 10, string title = "Test project")
    {
        var p = await Ok(owner, "/api/v1/projects", new
        {
            title,
            methodology_code = methodology,
            province = "Shandong",
            construction_start = constructionStart,
            crediting_start = creditingStart,
            crediting_years = years,
        });
        return p.GetProperty("id").GetString()!;
    }

    /// <summary>Draft → notice → validation → application → registration, advancing the clock past the notice.</summary>
    private async Task<string> Register(string owner, string methodology, string constructionStart = "2020-07-08", int years = 10)
    {
        var id = await Draft(owner, methodology, constructionStart, years: years);
        await Ok(owner, $"/api/v1/projects/{id}/publish", new { vvb_subject_id = ServerFixture.CqcSubject });
        var comment = await server.As(null).PostAsJsonAsync($"/api/v1/projects/{id}/comments", new { text = "How was the baseline chosen?" });
        Assert.Equal(HttpStatusCode.OK, comment.StatusCode);
        await Ok(owner, $"/api/v1/projects/{id}/comments/1/answer", new { text = "From the MEE grid factors." });
        await Refused(owner, $"/api/v1/projects/{id}/end-notice", null, HttpStatusCode.Conflict, "/problems/notice-period-not-over");
        server.Clock.Advance(TimeSpan.FromDays(35));
        await Ok(owner, $"/api/v1/projects/{id}/end-notice");
        await Ok(ServerFixture.VvbCqc, $"/api/v1/projects/{id}/validation/start");
        await Ok(ServerFixture.VvbCqc, $"/api/v1/projects/{id}/validation/corrective-actions", new { text = "Provide the grid connection certificate." });
        await Refused(ServerFixture.VvbCqc, $"/api/v1/projects/{id}/validation/report",
            new { conclusion = "positive", document_sha256 = Sha, summary = "Valid." }, HttpStatusCode.Conflict, "/problems/corrective-actions-open");
        await Ok(ServerFixture.VvbCqc, $"/api/v1/projects/{id}/validation/corrective-actions/1/close", new { text = "Certificate provided." });
        await Ok(ServerFixture.VvbCqc, $"/api/v1/projects/{id}/validation/report", new { conclusion = "positive", document_sha256 = Sha, summary = "Valid." });
        await Ok(owner, $"/api/v1/projects/{id}/apply", Application());
        await Ok(ServerFixture.Admin, $"/api/v1/projects/{id}/review/start");
        var registered = await Ok(ServerFixture.Admin, $"/api/v1/projects/{id}/register");
        Assert.Equal("registered", registered.GetProperty("phase").GetString());
        return id;
    }

    private static object Application(bool signed = true, bool gec = false, string? externalId = null, bool externalActive = true) => new
    {
        uniqueness_commitment_signed = signed,
        under_ets_allowance_management = false,
        has_legal_reduction_obligation = false,
        green_certificates_elected = gec,
        external_registrations = externalId is null ? Array.Empty<object>() : [new { mechanism = "vcs", id = externalId, active = externalActive }],
    };

    [Fact]
    public async Task an_offshore_wind_project_goes_from_draft_to_units_in_the_owners_account()
    {
        var project = await Register(ServerFixture.Spic, "CCER-01-002-V01");
        var view = await ServerFixture.Json(await server.As(null).GetAsync($"/api/v1/projects/{project}"));
        var code = view.GetProperty("code").GetString()!;
        var reduction = (await Ok(ServerFixture.Spic, $"/api/v1/projects/{project}/reductions",
            new { period_first = "2022-01-01", period_last = "2022-12-31" })).GetProperty("id").GetString();
        await Ok(ServerFixture.Spic, $"/api/v1/reductions/{reduction}/report", new { quantity_tonnes = 497_169, report_sha256 = Sha });
        await Refused(ServerFixture.Spic, $"/api/v1/reductions/{reduction}/publish", new { vvb_subject_id = ServerFixture.CqcSubject },
            HttpStatusCode.Conflict, "/problems/same-vvb-as-validation");
        await Ok(ServerFixture.Spic, $"/api/v1/reductions/{reduction}/publish", new { vvb_subject_id = ServerFixture.CecSubject });
        server.Clock.Advance(TimeSpan.FromDays(35));
        await Refused(ServerFixture.VvbCqc, $"/api/v1/reductions/{reduction}/verification/start", null, HttpStatusCode.Forbidden, "/problems/not-your-project");
        await Ok(ServerFixture.VvbCec, $"/api/v1/reductions/{reduction}/verification/start");
        await Ok(ServerFixture.VvbCec, $"/api/v1/reductions/{reduction}/verification/report", new { quantity_tonnes = 497_169, report_sha256 = Sha });
        await Refused(ServerFixture.Spic, $"/api/v1/reductions/{reduction}/apply", new { quantity_tonnes = 497_170 },
            HttpStatusCode.Conflict, "/problems/quantity-differs-from-verified");
        await Ok(ServerFixture.Spic, $"/api/v1/reductions/{reduction}/apply", new { quantity_tonnes = 497_169 });
        await Ok(ServerFixture.Admin, $"/api/v1/reductions/{reduction}/review/start");
        await Ok(ServerFixture.Admin, $"/api/v1/reductions/{reduction}/register");
        var issued = await Ok(ServerFixture.Admin, $"/api/v1/reductions/{reduction}/issue");
        Assert.Equal("issued", issued.GetProperty("phase").GetString());

        var holdings = await ServerFixture.Json(await server.As(ServerFixture.Spic).GetAsync("/api/v1/accounts/1/holdings"));
        var holding = holdings.EnumerateArray().Single(h => h.GetProperty("project_code").GetString() == code);
        Assert.Equal(2022, holding.GetProperty("vintage").GetInt32());
        Assert.Equal(497_169, holding.GetProperty("available_tonnes").GetInt64());
        Assert.Equal($"CCER-{code}-2022-1-497169", holding.GetProperty("blocks")[0].GetProperty("serial").GetString());

        var timeline = await ServerFixture.Json(await server.As(null).GetAsync($"/api/v1/projects/{project}/timeline"));
        var kinds = timeline.EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Equal("project_drafted", kinds[0]);
        Assert.Contains("project_registered", kinds);
        Assert.Equal("issuance_requested", kinds[^1]);
        Assert.All(timeline.EnumerateArray(), e => Assert.Equal(64, e.GetProperty("hash").GetString()!.Length));
    }

    [Fact]
    public async Task an_afforestation_project_reaches_registration_and_is_listed_publicly()
    {
        var project = await Register(ServerFixture.Wufeng, "CCER-14-001-V01", constructionStart: "2021-03-01", years: 30);
        var registered = await ServerFixture.Json(await server.As(null).GetAsync("/api/v1/projects?methodology=CCER-14-001-V01&phase=registered"));
        Assert.Contains(registered.EnumerateArray(), p => p.GetProperty("id").GetString() == project);
    }

    [Fact]
    public async Task wrong_role_other_owner_and_out_of_order_actions_are_refused_and_change_nothing()
    {
        var project = await Draft(ServerFixture.Spic, "CCER-01-002-V01");
        await Refused(ServerFixture.VvbCqc, $"/api/v1/projects/{project}/publish", new { vvb_subject_id = ServerFixture.CqcSubject },
            HttpStatusCode.Forbidden, "/problems/wrong-role");
        await Refused(ServerFixture.Wufeng, $"/api/v1/projects/{project}/publish", new { vvb_subject_id = ServerFixture.CqcSubject },
            HttpStatusCode.Forbidden, "/problems/not-your-project");
        await Refused(ServerFixture.Spic, $"/api/v1/projects/{project}/apply", Application(), HttpStatusCode.Conflict, "/problems/invalid-transition");
        await Refused(ServerFixture.Admin, $"/api/v1/projects/{project}/register", null, HttpStatusCode.Conflict, "/problems/invalid-transition");
        var anonymous = await server.As(null).PostAsJsonAsync($"/api/v1/projects/{project}/publish", new { vvb_subject_id = ServerFixture.CqcSubject });
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var view = await ServerFixture.Json(await server.As(null).GetAsync($"/api/v1/projects/{project}"));
        Assert.Equal("draft", view.GetProperty("phase").GetString());
        Assert.Equal(1, view.GetProperty("version").GetInt32());
    }

    [Theory]
    [InlineData("2012-11-08", true, false, null, "/problems/construction-start-too-early")]
    [InlineData("2020-07-08", false, false, null, "/problems/uniqueness-commitment-missing")]
    [InlineData("2020-07-08", true, true, null, "/problems/green-certificate-elected")]
    public async Task application_guards_refuse_with_their_own_problem_type(string constructionStart, bool signed, bool gec, string? externalId, string type)
    {
        var id = await Draft(ServerFixture.Spic, "CCER-01-002-V01", constructionStart);
        await Ok(ServerFixture.Spic, $"/api/v1/projects/{id}/publish", new { vvb_subject_id = ServerFixture.CqcSubject });
        server.Clock.Advance(TimeSpan.FromDays(35));
        await Ok(ServerFixture.Spic, $"/api/v1/projects/{id}/end-notice");
        await Ok(ServerFixture.VvbCqc, $"/api/v1/projects/{id}/validation/start");
        await Ok(ServerFixture.VvbCqc, $"/api/v1/projects/{id}/validation/report", new { conclusion = "positive", document_sha256 = Sha, summary = "Valid." });
        await Refused(ServerFixture.Spic, $"/api/v1/projects/{id}/apply", Application(signed, gec, externalId), HttpStatusCode.Conflict, type);
    }

    private async Task<string> Validated(string owner)
    {
        var id = await Draft(owner, "CCER-01-002-V01");
        await Ok(owner, $"/api/v1/projects/{id}/publish", new { vvb_subject_id = ServerFixture.CqcSubject });
        server.Clock.Advance(TimeSpan.FromDays(35));
        await Ok(owner, $"/api/v1/projects/{id}/end-notice");
        await Ok(ServerFixture.VvbCqc, $"/api/v1/projects/{id}/validation/start");
        await Ok(ServerFixture.VvbCqc, $"/api/v1/projects/{id}/validation/report", new { conclusion = "positive", document_sha256 = Sha, summary = "Valid." });
        return id;
    }

    [Fact]
    public async Task an_external_id_is_refused_while_active_elsewhere_and_claimed_only_once()
    {
        var first = await Validated(ServerFixture.Spic);
        var externalId = $"VCS-{Guid.NewGuid():N}"[..16];
        await Refused(ServerFixture.Spic, $"/api/v1/projects/{first}/apply", Application(externalId: externalId),
            HttpStatusCode.Conflict, "/problems/registered-elsewhere");
        await Ok(ServerFixture.Spic, $"/api/v1/projects/{first}/apply", Application(externalId: externalId, externalActive: false));
        var second = await Validated(ServerFixture.Spic);
        await Refused(ServerFixture.Spic, $"/api/v1/projects/{second}/apply", Application(externalId: externalId, externalActive: false),
            HttpStatusCode.Conflict, "/problems/external-id-already-claimed");
    }

    [Fact]
    public async Task bad_lifecycle_input_names_the_field()
    {
        var response = await server.As(ServerFixture.Spic).PostAsJsonAsync("/api/v1/projects", new { title = "x", methodology_code = "CCER-01-002-V01" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ServerFixture.Json(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty("construction_start", out _));
        var unknown = await server.As(ServerFixture.Spic).PostAsJsonAsync("/api/v1/projects", new
        {
            title = "x",
            methodology_code = "CCER-99-999-V01",
            province = "Hubei",
            construction_start = "2021-01-01",
            crediting_start = "2021-01-01",
            crediting_years = 10,
        });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await server.As(null).GetAsync($"/api/v1/projects/{Guid.NewGuid()}")).StatusCode);
        var farFuture = await server.As(ServerFixture.Spic).PostAsJsonAsync("/api/v1/projects", new
        {
            title = "x",
            methodology_code = "CCER-01-002-V01",
            province = new string('y', 51),
            construction_start = "2021-01-01",
            crediting_start = "9999-06-01",
            crediting_years = 10,
        });
        Assert.Equal(HttpStatusCode.BadRequest, farFuture.StatusCode);
        var errors = (await ServerFixture.Json(farFuture)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("crediting_start", out _));
        Assert.True(errors.TryGetProperty("province", out _));
    }
}
