using OpenCcer.Core.Lifecycle;
using static OpenCcer.Core.Tests.Lifecycle.Fixture;

namespace OpenCcer.Core.Tests.Lifecycle;

public sealed class ProjectNoticeAndValidationTests
{
    [Fact]
    public void a_project_owner_drafts_a_project_it_owns()
    {
        var decision = ProjectLifecycle.Draft(Owner, Published, TheProject, Description());

        Assert.Equal(LifecycleStatus.Ok, decision.Status);
        Assert.Equal(ProjectPhase.Draft, decision.State!.Phase);
        Assert.Equal(OwnerOrg, decision.State.Owner);
        Assert.IsType<ProjectDrafted>(Assert.Single(decision.Events));
    }

    [Fact]
    public void a_vvb_cannot_draft_a_project()
    {
        var decision = ProjectLifecycle.Draft(Validator, Published, TheProject, Description());

        Assert.Equal(LifecycleStatus.WrongRole, decision.Status);
        Assert.Null(decision.State);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void a_draft_without_a_title_is_refused()
    {
        var decision = ProjectLifecycle.Draft(Owner, Published, TheProject, Description() with { Title = " " });

        Assert.Equal(LifecycleStatus.DescriptionInvalid, decision.Status);
    }

    [Fact]
    public void publication_opens_a_notice_of_20_working_days_and_starts_the_100_day_validation_clock()
    {
        var decision = ProjectLifecycle.Publish(Draft(), Owner, Published, ValidatorOrg, Prc);

        Assert.Equal(LifecycleStatus.Ok, decision.Status);
        Assert.Equal(ProjectPhase.InPublicNotice, decision.State.Phase);
        Assert.Equal(NoticeEnd, decision.State.Notice!.End);
        Assert.Equal(ValidatorOrg, decision.State.ValidationVvb);
        Assert.Equal(D("2026-05-20"), decision.State.ValidationDue);
        var published = Assert.IsType<ProjectNoticePublished>(Assert.Single(decision.Events));
        Assert.Equal(NoticeEnd, published.NoticeEnd);
        Assert.Equal(Owner, published.Actor);
    }

    [Fact]
    public void publication_whose_notice_runs_into_an_unknown_year_is_refused()
    {
        var draft = Draft();

        var decision = ProjectLifecycle.Publish(draft, Owner, D("2026-12-15"), ValidatorOrg, Prc);

        Assert.Equal(LifecycleStatus.CalendarYearUnknown, decision.Status);
        Assert.Same(draft, decision.State);
    }

    [Fact]
    public void the_owner_cannot_name_itself_as_validator()
    {
        var decision = ProjectLifecycle.Publish(Draft(), Owner, Published, OwnerOrg, Prc);

        Assert.Equal(LifecycleStatus.VvbIsOwner, decision.Status);
    }

    [Fact]
    public void anyone_may_comment_during_the_notice_and_the_owner_answers()
    {
        var notice = ProjectAt(ProjectPhase.InPublicNotice);

        var commented = ProjectLifecycle.Comment(notice, Actor.Anonymous, D("2026-02-24"), "Bird migration route?");
        var byTrader = ProjectLifecycle.Comment(commented.State, Trader, NoticeEnd, "Grid factor year?");
        var answered = ProjectLifecycle.Answer(byTrader.State, Owner, AfterNotice, 1, "Surveyed in 2019, see annex 4.");

        Assert.Equal(LifecycleStatus.Ok, commented.Status);
        Assert.Equal(LifecycleStatus.Ok, byTrader.Status);
        Assert.Equal(LifecycleStatus.Ok, answered.Status);
        Assert.Equal([1, 2], answered.State.Notice!.Comments.Select(c => c.Number));
        Assert.Equal("Surveyed in 2019, see annex 4.", answered.State.Notice.Comments[0].Answer);
        Assert.False(answered.State.Notice.Comments[1].IsAnswered);
    }

    [Fact]
    public void a_comment_after_the_last_notice_day_is_refused()
    {
        var notice = ProjectAt(ProjectPhase.InPublicNotice);

        var decision = ProjectLifecycle.Comment(notice, Actor.Anonymous, AfterNotice, "late");

        Assert.Equal(LifecycleStatus.NoticeClosed, decision.Status);
        Assert.Same(notice, decision.State);
    }

    [Fact]
    public void a_comment_is_answered_once_and_only_if_it_exists()
    {
        var notice = ProjectLifecycle.Comment(ProjectAt(ProjectPhase.InPublicNotice), Actor.Anonymous, Published, "Why here?").State;
        var answered = ProjectLifecycle.Answer(notice, Owner, Published, 1, "Best wind resource.").State;

        Assert.Equal(LifecycleStatus.CommentAlreadyAnswered, ProjectLifecycle.Answer(answered, Owner, Published, 1, "again").Status);
        Assert.Equal(LifecycleStatus.CommentNotFound, ProjectLifecycle.Answer(answered, Owner, Published, 2, "what?").Status);
        Assert.Equal(LifecycleStatus.NotYourProject, ProjectLifecycle.Answer(notice, OtherOwner, Published, 1, "not mine").Status);
    }

    [Fact]
    public void the_owner_may_withdraw_during_the_notice_and_publish_again_later()
    {
        var notice = ProjectAt(ProjectPhase.InPublicNotice);

        var withdrawn = ProjectLifecycle.Withdraw(notice, Owner, D("2026-02-24"), "PDD needs a new grid factor");
        var republished = ProjectLifecycle.Publish(withdrawn.State, Owner, D("2026-07-17"), ValidatorOrg, Prc);

        Assert.Equal(LifecycleStatus.Ok, withdrawn.Status);
        Assert.Equal(ProjectPhase.Draft, withdrawn.State.Phase);
        Assert.Null(withdrawn.State.Notice);
        Assert.Equal("PDD needs a new grid factor", Assert.IsType<ProjectNoticeWithdrawn>(Assert.Single(withdrawn.Events)).Reason);
        Assert.Equal(D("2026-08-13"), republished.State.Notice!.End);
    }

    [Fact]
    public void withdrawal_after_the_notice_is_over_is_refused()
    {
        var notice = ProjectAt(ProjectPhase.InPublicNotice);

        Assert.Equal(LifecycleStatus.NoticeClosed, ProjectLifecycle.Withdraw(notice, Owner, AfterNotice, "too late").Status);
        Assert.Equal(LifecycleStatus.InvalidTransition, ProjectLifecycle.Withdraw(ProjectAt(ProjectPhase.NoticeEnded), Owner, AfterNotice, "too late").Status);
    }

    [Fact]
    public void the_notice_cannot_end_on_its_last_working_day()
    {
        var notice = ProjectAt(ProjectPhase.InPublicNotice);

        var early = ProjectLifecycle.EndNotice(notice, Owner, NoticeEnd);
        var onTime = ProjectLifecycle.EndNotice(notice, Admin, AfterNotice);

        Assert.Equal(LifecycleStatus.NoticePeriodNotOver, early.Status);
        Assert.Same(notice, early.State);
        Assert.Equal(LifecycleStatus.Ok, onTime.Status);
        Assert.Equal(ProjectPhase.NoticeEnded, onTime.State.Phase);
    }

    [Fact]
    public void only_the_vvb_named_at_publication_starts_validation()
    {
        var ended = ProjectAt(ProjectPhase.NoticeEnded);

        Assert.Equal(LifecycleStatus.NotYourProject, ProjectLifecycle.StartValidation(ended, Verifier, AfterNotice).Status);
        Assert.Equal(LifecycleStatus.WrongRole, ProjectLifecycle.StartValidation(ended, Owner, AfterNotice).Status);
        Assert.Equal(LifecycleStatus.Ok, ProjectLifecycle.StartValidation(ended, Validator, AfterNotice).Status);
    }

    [Fact]
    public void a_positive_validation_needs_every_corrective_action_request_closed()
    {
        var validating = ProjectAt(ProjectPhase.UnderValidation);
        var positive = new ValidationReport(ValidationConclusion.Positive, Hash, "meets M 9");

        var raised = ProjectLifecycle.RaiseCorrectiveAction(validating, Validator, ValidationDay, "Meter class not stated");
        var refused = ProjectLifecycle.SubmitValidationReport(raised.State, Validator, ValidationDay, positive);
        var closed = ProjectLifecycle.CloseCorrectiveAction(raised.State, Validator, ValidationDay, 1, "Class 0.2S certificate added");
        var accepted = ProjectLifecycle.SubmitValidationReport(closed.State, Validator, ValidationDay, positive);

        Assert.Equal(LifecycleStatus.CorrectiveActionsOpen, refused.Status);
        Assert.Same(raised.State, refused.State);
        Assert.Equal(LifecycleStatus.CorrectiveActionAlreadyClosed, ProjectLifecycle.CloseCorrectiveAction(closed.State, Validator, ValidationDay, 1, "again").Status);
        Assert.Equal(LifecycleStatus.CorrectiveActionNotFound, ProjectLifecycle.CloseCorrectiveAction(closed.State, Validator, ValidationDay, 2, "none").Status);
        Assert.Equal(ProjectPhase.Validated, accepted.State.Phase);
    }

    [Fact]
    public void a_negative_validation_ends_the_project()
    {
        var validating = ProjectAt(ProjectPhase.UnderValidation);
        var negative = new ValidationReport(ValidationConclusion.Negative, Hash, "baseline not credible");

        var decision = ProjectLifecycle.SubmitValidationReport(validating, Validator, ValidationDay, negative);
        var apply = ProjectLifecycle.Apply(decision.State, Owner, AppliedOn, Application(), Context(), Prc);

        Assert.Equal(ProjectPhase.ValidationNegative, decision.State.Phase);
        Assert.Equal(LifecycleStatus.InvalidTransition, apply.Status);
    }

    [Fact]
    public void a_validation_report_without_a_sha256_is_refused()
    {
        var report = new ValidationReport(ValidationConclusion.Positive, "not-a-hash", "ok");

        Assert.Equal(LifecycleStatus.DocumentHashInvalid, ProjectLifecycle.SubmitValidationReport(ProjectAt(ProjectPhase.UnderValidation), Validator, ValidationDay, report).Status);
    }

    [Fact]
    public void validation_is_overdue_from_the_101st_day_after_the_notice_start_until_the_report()
    {
        var validating = ProjectAt(ProjectPhase.UnderValidation);
        var report = new ValidationReport(ValidationConclusion.Positive, Hash, "late but fine");

        var late = ProjectLifecycle.SubmitValidationReport(validating, Validator, D("2026-05-21"), report);

        Assert.Equal(D("2026-05-20"), validating.ValidationDue);
        Assert.False(validating.IsValidationOverdue(D("2026-05-20")));
        Assert.True(validating.IsValidationOverdue(D("2026-05-21")));
        Assert.True(ProjectAt(ProjectPhase.InPublicNotice).IsValidationOverdue(D("2026-06-01")));
        Assert.True(Assert.IsType<ValidationReported>(Assert.Single(late.Events)).Late);
        Assert.False(late.State.IsValidationOverdue(D("2026-06-01")));
    }
}
