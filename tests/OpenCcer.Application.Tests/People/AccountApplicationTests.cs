using Microsoft.Extensions.Time.Testing;
using OpenCcer.Application.People;
using OpenCcer.Core.Calendar;
using OpenCcer.Core.Lifecycle;
using OpenCcer.Core.Registry;
using OpenCcer.Storage;
using OpenCcer.Storage.People;
using OpenCcer.Storage.Tests;

namespace OpenCcer.Application.Tests.People;

/// <summary>Account opening on a real SQLite store: who applies, who reviews, and what the ledger opens.</summary>
public sealed class AccountApplicationTests : IAsyncLifetime
{
    private const string Subject = "91370000MA3CSPIC01";
    private static readonly Caller Registry = new(Role.RegistryAdministrator, null);
    private static readonly Caller Regulator = new(Role.Regulator, null);
    private static readonly Caller Applicant = new(Role.ProjectOwner, Subject);
    private static readonly Person Admin = new("admin", "org-registry", "91100000REGISTRY01");
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));
    private LedgerStore store = null!;
    private RegistryEngine engine = null!;
    private AccountApplications applications = null!;
    private Administration administration = null!;
    private Person person = null!;
    private Person outsider = null!;

    public async Task InitializeAsync()
    {
        store = TestStores.New("sqlite");
        engine = await RegistryEngine.StartAsync(store, time);
        applications = new AccountApplications(store, engine, WorkingDayCalendar.Shipped(), time);
        administration = new Administration(store, time);
        var organisation = (await administration.AddOrganisationAsync(Registry, new OrganisationRequest("SPIC Shandong", Subject, Roles.ProjectOwner))).Value!;
        var other = (await administration.AddOrganisationAsync(Registry, new OrganisationRequest("Other", "91370000MA3OTHER01", Roles.ProjectOwner))).Value!;
        person = new Person("applicant", organisation.Id, Subject);
        outsider = new Person("outsider", other.Id, other.SubjectId);
    }

    public async Task DisposeAsync()
    {
        await engine.DisposeAsync();
        await store.DisposeAsync();
    }

    private async Task<Guid> AppliedAsync(string op = "apply-1")
    {
        var applied = await applications.ApplyAsync(person, new AccountApplicationRequest(op, "project_owner"));
        Assert.True(applied.IsOk, applied.Refusal?.ToString());
        return Guid.Parse(applied.Value!.Application.Id);
    }

    [Fact]
    public async Task a_person_applies_once_per_operation_and_a_different_body_under_the_same_id_is_refused()
    {
        Assert.Equal("PersonRequired", (await applications.ApplyAsync(null, new AccountApplicationRequest("a", "project_owner"))).Refusal!.StatusCode);
        Assert.Equal(["holder_type"], (await applications.ApplyAsync(person, new AccountApplicationRequest("a", "pirate"))).Refusal!.Errors!.Keys);
        var first = await applications.ApplyAsync(person, new AccountApplicationRequest("apply-1", "project_owner"));
        Assert.True(first.Value!.Created);
        var retry = await applications.ApplyAsync(person, new AccountApplicationRequest("apply-1", "project_owner"));
        Assert.Equal((first.Value.Application.Id, false), (retry.Value!.Application.Id, retry.Value.Created));
        var other = await applications.ApplyAsync(person, new AccountApplicationRequest("apply-1", "key_emitting_unit"));
        Assert.Equal((RefusalKind.Unprocessable, Refusals.IdempotencyConflictType), (other.Refusal!.Kind, other.Refusal.Type));
        Assert.Equal("ApplicationOpen", (await applications.ApplyAsync(person, new AccountApplicationRequest("apply-2", "project_owner"))).Refusal!.StatusCode);
    }

    [Fact]
    public async Task only_the_registry_administrator_reviews_and_approving_opens_the_accounts()
    {
        var id = await AppliedAsync();
        Assert.Equal(RefusalKind.Forbidden, (await applications.StartReviewAsync(Regulator, Admin, id)).Refusal!.Kind);
        Assert.Equal(RefusalKind.Forbidden, (await applications.StartReviewAsync(Applicant, person, id)).Refusal!.Kind);
        Assert.Equal("PersonRequired", (await applications.StartReviewAsync(Registry, null, id)).Refusal!.StatusCode);
        Assert.Equal("StateConflict", (await applications.ApproveAsync(Registry, Admin, id)).Refusal!.StatusCode);

        var review = await applications.StartReviewAsync(Registry, Admin, id);
        Assert.Equal((AccountApplicationStatus.UnderReview, WorkingDayCalendar.Shipped().AddWorkingDays(new DateOnly(2026, 3, 2), 15), false),
            (review.Value!.Application.Status, review.Value.Application.ReviewDue, review.Value.Overdue));
        Assert.Equal(RefusalKind.Forbidden, (await applications.ApproveAsync(Applicant, person, id)).Refusal!.Kind);
        var approved = await applications.ApproveAsync(Registry, Admin, id);
        Assert.Equal(AccountApplicationStatus.Active, approved.Value!.Application.Status);
        Assert.Equal(approved.Value.Application.RegistryAccountId, (await store.Registry.AccountsOfSubjectAsync(Subject)).Single(a => a.Kind == (int)AccountKind.Registry).Id);
        Assert.Equal("SubjectHasAccount", (await applications.ApplyAsync(person, new AccountApplicationRequest("apply-3", "project_owner"))).Refusal!.StatusCode);
    }

    [Fact]
    public async Task a_rejection_needs_a_reason_and_an_organisation_reads_only_its_own_applications()
    {
        var id = await AppliedAsync();
        await applications.StartReviewAsync(Registry, Admin, id);
        Assert.Equal(["reason"], (await applications.RejectAsync(Registry, Admin, id, new ReasonRequest(null))).Refusal!.Errors!.Keys);
        Assert.Equal(RefusalKind.Forbidden, (await applications.RejectAsync(Applicant, person, id, new ReasonRequest("no"))).Refusal!.Kind);
        var rejected = await applications.RejectAsync(Registry, Admin, id, new ReasonRequest("documents missing"));
        Assert.Equal((AccountApplicationStatus.Rejected, "documents missing"), (rejected.Value!.Application.Status, rejected.Value.Application.Reason));

        Assert.True((await applications.GetAsync(Applicant, person, id)).IsOk);
        Assert.Equal(3, (await applications.GetAsync(Regulator, null, id)).Value!.History!.Count);
        Assert.Equal("OtherOrganisation", (await applications.GetAsync(new Caller(Role.ProjectOwner, outsider.SubjectId), outsider, id)).Refusal!.StatusCode);
        Assert.Equal("ApplicationNotFound", (await applications.GetAsync(Registry, Admin, Guid.NewGuid())).Refusal!.StatusCode);
        Assert.Single(await applications.ListAsync(Applicant, person));
        Assert.Empty(await applications.ListAsync(Applicant, outsider));
        Assert.Empty(await applications.ListAsync(Applicant, null));
        Assert.Single(await applications.ListAsync(Regulator, null));
    }

    [Fact]
    public async Task only_the_registry_administrator_registers_organisations_and_issues_keys_within_an_organisation()
    {
        Assert.Equal(RefusalKind.Forbidden, (await administration.AddOrganisationAsync(Regulator, new OrganisationRequest("X", "91370000MA3XXXXX01", Roles.Vvb))).Refusal!.Kind);
        Assert.Equal(["subject_id", "role"], (await administration.AddOrganisationAsync(Registry, new OrganisationRequest("X", "short", "pirate"))).Refusal!.Errors!.Keys);
        Assert.Equal("SubjectIdTaken", (await administration.AddOrganisationAsync(Registry, new OrganisationRequest("Again", Subject, Roles.Vvb))).Refusal!.StatusCode);
        Assert.Equal(RefusalKind.Forbidden, (await administration.IssueKeyAsync(Applicant, new ApiKeyRequest(person.OrganisationId, null, "mine"))).Refusal!.Kind);
        Assert.Equal("UserNotFound", (await administration.IssueKeyAsync(Registry, new ApiKeyRequest(person.OrganisationId, "nobody", "k"))).Refusal!.StatusCode);
        var key = await administration.IssueKeyAsync(Registry, new ApiKeyRequest(person.OrganisationId, null, "erp"));
        Assert.Equal((Roles.ProjectOwner, Subject), (key.Value!.Record.Role, key.Value.Record.SubjectId));
        Assert.NotNull(await store.People.ApiKeyAsync(DemoSeed.HashKey(key.Value.ApiKey)));
        Assert.Equal("OrganisationNotFound", (await administration.NewUserAsync(Registry, Guid.NewGuid(), new UserRequest("u", "u@x.cn", "U", "pw"))).Refusal!.StatusCode);
        Assert.Equal(RefusalKind.Forbidden, (await administration.OrganisationsAsync(Regulator, null, null)).Refusal!.Kind);
    }
}
