using System.Net;
using System.Net.Http.Json;
using OpenCcer.Core.Calendar;
using OpenCcer.Core.Primitives;

namespace OpenCcer.Server.Tests;

public sealed class AccountOpeningTests(PeopleServer server) : IClassFixture<PeopleServer>
{
    private static DateOnly ChinaToday() => ChinaClock.DateOf(DateTimeOffset.UtcNow);

    [Fact]
    public async Task an_application_is_reviewed_within_15_working_days_and_approval_opens_the_accounts()
    {
        var applicant = await server.SignedIn("bluecarbon.applicant");
        var admin = await server.SignedIn("registry.admin");
        var applied = await applicant.PostAsJsonAsync("/api/v1/account-applications", new { operation_id = "apply-1", holder_type = "project_owner" });
        Assert.Equal(HttpStatusCode.Created, applied.StatusCode);
        var application = await PeopleServer.Json(applied);
        var id = application.GetProperty("id").GetString();
        Assert.Equal(("applied", "91460000MA5BLUEC01"), (application.GetProperty("status").GetString(), application.GetProperty("subject_id").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await applicant.PostAsJsonAsync("/api/v1/account-applications", new { operation_id = "apply-1", holder_type = "project_owner" })).StatusCode);
        await PeopleServer.Problem(await applicant.PostAsJsonAsync("/api/v1/account-applications", new { operation_id = "apply-1", holder_type = "vvb" }),
            (HttpStatusCode)422, "/problems/idempotency-conflict");
        await PeopleServer.Problem(await applicant.PostAsJsonAsync("/api/v1/account-applications", new { operation_id = "apply-2", holder_type = "project_owner" }),
            HttpStatusCode.Conflict, "/problems/application-open");

        await PeopleServer.Problem(await applicant.PostAsync($"/api/v1/account-applications/{id}/start-review", null), HttpStatusCode.Forbidden, "/problems/forbidden");
        await PeopleServer.Problem(await admin.PostAsync($"/api/v1/account-applications/{id}/approve", null), HttpStatusCode.Conflict, "/problems/state-conflict");
        var review = await PeopleServer.Json(await admin.PostAsync($"/api/v1/account-applications/{id}/start-review", null));
        var due = WorkingDayCalendar.Shipped().AddWorkingDays(ChinaToday(), 15);
        Assert.Equal(("under_review", due.ToString("yyyy-MM-dd"), false),
            (review.GetProperty("status").GetString(), review.GetProperty("review_due").GetString(), review.GetProperty("overdue").GetBoolean()));

        // A review past its due date is flagged in the listing.
        await server.Store.ExecuteAsync($"UPDATE account_applications SET review_due = '2025-01-02' WHERE id = '{id}'");
        var listed = await PeopleServer.Json(await admin.GetAsync("/api/v1/account-applications"));
        Assert.True(listed.EnumerateArray().Single(a => a.GetProperty("id").GetString() == id).GetProperty("overdue").GetBoolean());

        var approved = await PeopleServer.Json(await admin.PostAsync($"/api/v1/account-applications/{id}/approve", null));
        Assert.Equal("active", approved.GetProperty("status").GetString());
        var account = approved.GetProperty("registry_account_id").GetInt64();
        var opened = await PeopleServer.Json(await applicant.GetAsync($"/api/v1/accounts/{account}"));
        Assert.Equal(("91460000MA5BLUEC01", 1), (opened.GetProperty("subject_id").GetString(), opened.GetProperty("holder_type").GetInt32()));

        var detail = await PeopleServer.Json(await applicant.GetAsync($"/api/v1/account-applications/{id}"));
        Assert.Equal(["applied", "under_review", "active", "active"], detail.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("status").GetString()));
        await PeopleServer.Problem(await applicant.PostAsJsonAsync("/api/v1/account-applications", new { operation_id = "apply-3", holder_type = "project_owner" }),
            HttpStatusCode.Conflict, "/problems/subject-has-account");
        // Another organisation sees neither the application nor it in its list.
        var other = await server.SignedIn("cqc.verifier");
        await PeopleServer.Problem(await other.GetAsync($"/api/v1/account-applications/{id}"), HttpStatusCode.Forbidden, "/problems/other-organisation");
        Assert.Empty((await PeopleServer.Json(await other.GetAsync("/api/v1/account-applications"))).EnumerateArray());
    }

    [Fact]
    public async Task a_rejection_needs_a_reason_and_the_organisation_may_apply_again()
    {
        await server.Organisation("91350000MA6REJECT1", "trading-participant", "reject.applicant");
        var applicant = await server.SignedIn("reject.applicant");
        var admin = await server.SignedIn("registry.checker");
        var id = (await PeopleServer.Json(await applicant.PostAsJsonAsync("/api/v1/account-applications",
            new { operation_id = "a", holder_type = "other_trading_subject" }))).GetProperty("id").GetString();
        await admin.PostAsync($"/api/v1/account-applications/{id}/start-review", null);
        await PeopleServer.Problem(await admin.PostAsJsonAsync($"/api/v1/account-applications/{id}/reject", new { }), HttpStatusCode.BadRequest, "/problems/invalid-input");
        var rejected = await PeopleServer.Json(await admin.PostAsJsonAsync($"/api/v1/account-applications/{id}/reject", new { reason = "Business licence missing." }));
        Assert.Equal(("rejected", "Business licence missing."), (rejected.GetProperty("status").GetString(), rejected.GetProperty("reason").GetString()));
        await PeopleServer.Problem(await admin.PostAsync($"/api/v1/account-applications/{id}/approve", null), HttpStatusCode.Conflict, "/problems/state-conflict");
        Assert.Equal(HttpStatusCode.Created, (await applicant.PostAsJsonAsync("/api/v1/account-applications",
            new { operation_id = "b", holder_type = "other_trading_subject" })).StatusCode);
        await PeopleServer.Problem(await admin.PostAsync($"/api/v1/account-applications/{Guid.NewGuid()}/approve", null), HttpStatusCode.NotFound,
            "/problems/application-not-found");
    }

    [Fact]
    public async Task a_key_without_a_person_cannot_take_a_workflow_step()
    {
        var key = server.WithKey(ServerFixture.Cement);
        await PeopleServer.Problem(await key.PostAsJsonAsync("/api/v1/account-applications", new { operation_id = "k", holder_type = "key_emitting_unit" }),
            HttpStatusCode.Forbidden, "/problems/person-required");
    }
}
