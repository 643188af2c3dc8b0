using OpenCcer.Application.Lifecycle;
using OpenCcer.Core.Lifecycle;
using static OpenCcer.Application.Tests.Lifecycle.LifecycleHarness;

namespace OpenCcer.Application.Tests.Lifecycle;

/// <summary>The project handlers that the API and the portal both call, on a real SQLite store.</summary>
public sealed class ProjectHandlersTests : IAsyncLifetime
{
    private readonly LifecycleHarness harness = new();

    public Task InitializeAsync() => harness.InitializeAsync();

    public Task DisposeAsync() => harness.DisposeAsync();

    [Fact]
    public async Task an_owner_drafts_a_project_of_its_own_subject()
    {
        var project = Ok(await harness.Projects.DraftAsync(OwnerCaller, DraftRequest()));
        Assert.Equal((Owner, ProjectPhase.Draft), (project.OwnerSubjectId, project.State.Phase));
        Assert.Equal(project.State.Id, (await harness.Store.Lifecycle.ProjectAsync(project.State.Id))!.State.Id);
    }

    [Fact]
    public async Task a_vvb_drafting_a_project_is_refused_for_its_role_and_nothing_is_stored()
    {
        var refusal = Refused(await harness.Projects.DraftAsync(VvbCaller, DraftRequest()), RefusalKind.Forbidden, "/problems/wrong-role");
        Assert.Equal(nameof(LifecycleStatus.WrongRole), refusal.StatusCode);
        Assert.Equal(0, await harness.Store.Lifecycle.ProjectCountAsync());
    }

    [Fact]
    public async Task a_caller_acting_for_no_subject_may_not_draft()
    {
        Refused(await harness.Projects.DraftAsync(Caller.Public, DraftRequest()), RefusalKind.Forbidden, "/problems/forbidden");
    }

    [Fact]
    public async Task bad_fields_are_refused_by_name_before_the_role_is_looked_at()
    {
        var refusal = Refused(await harness.Projects.DraftAsync(VvbCaller, DraftRequest() with { Title = null, CreditingYears = 61 }),
            RefusalKind.Invalid, Refusals.InvalidInput);
        Assert.Equal(["crediting_years", "title"], refusal.Errors!.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task an_unknown_methodology_is_refused_as_invalid_input()
    {
        var refusal = Refused(await harness.Projects.DraftAsync(OwnerCaller, DraftRequest() with { MethodologyCode = "CCER-99-999-V99" }),
            RefusalKind.Invalid, Refusals.InvalidInput);
        Assert.True(refusal.Errors!.ContainsKey("methodology_code"));
    }

    [Fact]
    public async Task an_application_without_the_uniqueness_commitment_is_refused_by_the_lifecycle_for_every_door()
    {
        var id = await harness.ValidatedAsync();
        var unsigned = new ProjectApplyRequest(false, null, false, false, false);
        var refusal = Refused(await harness.Projects.ApplyAsync(OwnerCaller, id, unsigned), RefusalKind.Conflict, "/problems/uniqueness-commitment-missing");
        Assert.Equal(nameof(LifecycleStatus.UniquenessCommitmentMissing), refusal.StatusCode);
        Assert.Equal(ProjectPhase.Validated, (await harness.Store.Lifecycle.ProjectAsync(new ProjectId(id)))!.State.Phase);

        var applied = Ok(await harness.Projects.ApplyAsync(OwnerCaller, id, unsigned with { UniquenessCommitmentSigned = true }));
        Assert.Equal(ProjectPhase.Applied, applied.State.Phase);
    }

    [Fact]
    public async Task an_application_missing_its_answers_is_refused_by_field()
    {
        var id = await harness.ValidatedAsync();
        var refusal = Refused(await harness.Projects.ApplyAsync(OwnerCaller, id, new ProjectApplyRequest(null, [null!], null, null, null)),
            RefusalKind.Invalid, Refusals.InvalidInput);
        Assert.Contains("uniqueness_commitment_signed", refusal.Errors!.Keys);
        Assert.Contains("external_registrations[0]", refusal.Errors!.Keys);
    }

    [Fact]
    public async Task the_public_comments_during_the_notice_and_only_the_owner_answers()
    {
        var id = await harness.PublishedAsync();
        Ok(await harness.Projects.CommentAsync(Caller.Public, id, new TextRequest("Is the grid connection approved?")));
        Refused(await harness.Projects.AnswerAsync(TraderCaller, id, 1, new TextRequest("Yes.")), RefusalKind.Forbidden, "/problems/wrong-role");
        Refused(await harness.Projects.AnswerAsync(OtherOwnerCaller, id, 1, new TextRequest("Yes.")), RefusalKind.Forbidden, "/problems/not-your-project");
        Refused(await harness.Projects.AnswerAsync(OwnerCaller, id, 1, new TextRequest(" ")), RefusalKind.Invalid, Refusals.InvalidInput);
        Ok(await harness.Projects.AnswerAsync(OwnerCaller, id, 1, new TextRequest("Yes.")));
    }

    [Fact]
    public async Task a_step_on_a_missing_project_is_not_found()
    {
        Refused(await harness.Projects.EndNoticeAsync(OwnerCaller, Guid.NewGuid()), RefusalKind.NotFound, "/problems/not-found");
    }
}
