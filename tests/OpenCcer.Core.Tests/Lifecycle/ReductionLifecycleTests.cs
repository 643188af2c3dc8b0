using OpenCcer.Core.Lifecycle;
using OpenCcer.Core.Primitives;
using static OpenCcer.Core.Tests.Lifecycle.Fixture;
using static OpenCcer.Core.Tests.Lifecycle.ReductionFixture;

namespace OpenCcer.Core.Tests.Lifecycle;

public sealed class ReductionLifecycleTests
{
    [Fact]
    public void the_owner_of_a_registered_project_opens_a_monitoring_period()
    {
        var decision = ReductionLifecycle.StartMonitoring(Registered(), Owner, Opened, TheReduction, FourYears, []);

        Assert.Equal(LifecycleStatus.Ok, decision.Status);
        Assert.Equal(ReductionPhase.Monitoring, decision.State!.Phase);
        Assert.Equal(OwnerOrg, decision.State.Owner);
        Assert.Equal(FourYears, Assert.IsType<MonitoringStarted>(Assert.Single(decision.Events)).Period);
    }

    [Fact]
    public void the_report_is_drafted_only_after_the_period_is_over()
    {
        var open = Opening(Registered(), new MonitoringPeriod(D("2026-01-01"), D("2026-05-06")));

        Assert.Equal(LifecycleStatus.PeriodNotOver, ReductionLifecycle.DraftReport(open, Owner, D("2026-05-06"), Verified, Hash).Status);
        Assert.Equal(LifecycleStatus.Ok, ReductionLifecycle.DraftReport(open, Owner, D("2026-05-07"), Verified, Hash).Status);
        Assert.Equal(LifecycleStatus.QuantityNotPositive, ReductionLifecycle.DraftReport(open, Owner, D("2026-05-07"), Tonnes.Zero, Hash).Status);
    }

    [Fact]
    public void the_report_notice_runs_20_working_days_and_starts_the_verification_clock()
    {
        var notice = ReductionAt(ReductionPhase.InPublicNotice);

        Assert.Equal(ReportNoticeEnd, notice.Notice!.End);
        Assert.Equal(VerifierOrg, notice.VerificationVvb);
        Assert.Equal(D("2026-10-25"), notice.VerificationDue);
    }

    [Fact]
    public void the_vvb_that_validated_the_project_may_not_verify_its_reductions()
    {
        var drafted = ReductionAt(ReductionPhase.ReportDrafted);

        var decision = ReductionLifecycle.Publish(drafted, Registered(), Owner, ReportPublished, ValidatorOrg, Prc);

        Assert.Equal(LifecycleStatus.SameVvbAsValidation, decision.Status);
        Assert.Same(drafted, decision.State);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void anyone_comments_on_the_report_during_its_notice_and_the_owner_answers()
    {
        var notice = ReductionAt(ReductionPhase.InPublicNotice);

        var commented = ReductionLifecycle.Comment(notice, Actor.Anonymous, ReportNoticeEnd, "Which grid factor year?");
        var answered = ReductionLifecycle.Answer(commented.State, Owner, ReportNoticeEnd, 1, "2022 North China grid factors.");

        Assert.Equal(LifecycleStatus.Ok, commented.Status);
        Assert.Equal(LifecycleStatus.Ok, answered.Status);
        Assert.Equal(LifecycleStatus.NoticeClosed, ReductionLifecycle.Comment(notice, Actor.Anonymous, ReportNoticeEnd.AddDays(1), "late").Status);
    }

    [Fact]
    public void verification_starts_only_after_the_last_notice_day()
    {
        var notice = ReductionAt(ReductionPhase.InPublicNotice);

        var early = ReductionLifecycle.StartVerification(notice, Verifier, ReportNoticeEnd);

        Assert.Equal(LifecycleStatus.NoticePeriodNotOver, early.Status);
        Assert.Same(notice, early.State);
        Assert.Equal(LifecycleStatus.NotYourProject, ReductionLifecycle.StartVerification(notice, Validator, ReportNoticeEnd.AddDays(1)).Status);
    }

    [Fact]
    public void verification_is_overdue_after_100_days_and_a_late_report_is_flagged()
    {
        var verifying = ReductionAt(ReductionPhase.UnderVerification);

        var late = ReductionLifecycle.SubmitVerificationReport(verifying, Verifier, D("2026-10-26"), Verified, Hash);

        Assert.False(verifying.IsVerificationOverdue(D("2026-10-25")));
        Assert.True(verifying.IsVerificationOverdue(D("2026-10-26")));
        Assert.True(Assert.IsType<VerificationReported>(Assert.Single(late.Events)).Late);
    }

    [Fact]
    public void an_application_for_the_verified_quantity_is_applied_with_a_review_due_15_working_days_later()
    {
        var applied = ReductionAt(ReductionPhase.Applied);

        Assert.Equal(Verified, applied.AppliedQuantity);
        Assert.Equal(ReductionReviewDue, applied.ReviewDue);
        Assert.False(applied.IsReviewOverdue(ReductionReviewDue));
        Assert.True(applied.IsReviewOverdue(ReductionReviewDue.AddDays(1)));
    }

    [Fact]
    public void a_late_registration_is_flagged()
    {
        var registered = ReductionLifecycle.Register(ReductionAt(ReductionPhase.UnderReview), Admin, ReductionReviewDue.AddDays(1));

        Assert.True(Assert.IsType<ReductionRegistered>(Assert.Single(registered.Events)).Late);
    }

    [Fact]
    public void issuance_requests_one_issue_per_vintage_year_summing_to_the_registered_quantity()
    {
        var registered = ReductionAt(ReductionPhase.Registered);

        var decision = ReductionLifecycle.Issue(registered, Admin, D("2026-09-22"));

        Assert.Equal(ReductionPhase.Issued, decision.State.Phase);
        Assert.Equal(Verified, Assert.IsType<ReductionIssued>(decision.Events[0]).Quantity);
        var requests = decision.Events.Skip(1).Cast<IssuanceRequested>().ToArray();
        Assert.Equal([2022, 2023, 2024, 2025], requests.Select(r => r.Vintage));
        Assert.Equal(Verified.Value, requests.Sum(r => r.Quantity.Value));
        Assert.All(requests, r => Assert.Equal(OwnerOrg, r.Owner));
        Assert.All(requests, r => Assert.Equal(TheProject, r.Project));
        Assert.Equal(new MonitoringPeriod(D("2024-01-01"), D("2024-12-31")), requests[2].Period);
    }

    [Fact]
    public void a_rejected_reduction_is_terminal_and_frees_its_period()
    {
        var project = Registered();
        var rejected = ReductionLifecycle.Reject(ReductionAt(ReductionPhase.UnderReview, project), Admin, D("2026-09-21"), "meter not calibrated").State;

        var again = ReductionLifecycle.StartMonitoring(project, Owner, D("2026-09-22"), OtherReduction, FourYears, [rejected]);

        Assert.Equal(ReductionPhase.Rejected, rejected.Phase);
        Assert.Equal(LifecycleStatus.InvalidTransition, ReductionLifecycle.Apply(rejected, project, Owner, D("2026-09-22"), Verified, [], ReductionRules.Default, Prc).Status);
        Assert.Equal(LifecycleStatus.Ok, again.Status);
    }
}
