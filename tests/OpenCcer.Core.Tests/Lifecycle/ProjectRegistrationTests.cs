using OpenCcer.Core.Lifecycle;
using static OpenCcer.Core.Tests.Lifecycle.Fixture;

namespace OpenCcer.Core.Tests.Lifecycle;

public sealed class ProjectRegistrationTests
{
    [Fact]
    public void the_registry_reviews_and_registers_an_application()
    {
        var applied = ProjectAt(ProjectPhase.Applied);

        var review = ProjectLifecycle.AcceptForReview(applied, Admin, AppliedOn);
        var registered = ProjectLifecycle.Register(review.State, Admin, DecidedOn);

        Assert.Equal(ProjectPhase.UnderReview, review.State.Phase);
        Assert.Equal(ProjectPhase.Registered, registered.State.Phase);
        Assert.Equal(DecidedOn, registered.State.RegisteredOn);
        Assert.False(Assert.IsType<ProjectRegistered>(Assert.Single(registered.Events)).Late);
    }

    [Fact]
    public void review_is_overdue_after_the_15th_working_day_and_a_late_decision_is_flagged()
    {
        var underReview = ProjectAt(ProjectPhase.UnderReview);

        var registered = ProjectLifecycle.Register(underReview, Admin, D("2026-05-07"));

        Assert.False(underReview.IsReviewOverdue(ReviewDue));
        Assert.True(underReview.IsReviewOverdue(D("2026-05-07")));
        Assert.True(ProjectAt(ProjectPhase.Applied).IsReviewOverdue(D("2026-05-07")));
        Assert.True(Assert.IsType<ProjectRegistered>(Assert.Single(registered.Events)).Late);
        Assert.False(registered.State.IsReviewOverdue(D("2026-05-07")));
    }

    [Fact]
    public void a_rejected_project_may_apply_again()
    {
        var rejected = ProjectLifecycle.Reject(ProjectAt(ProjectPhase.UnderReview), Admin, DecidedOn, "Grid boundary unclear");

        var again = ProjectLifecycle.Apply(rejected.State, Owner, D("2026-06-01"), Application(), Context(), Prc);

        Assert.Equal(ProjectPhase.Rejected, rejected.State.Phase);
        Assert.Equal("Grid boundary unclear", Assert.IsType<ProjectRejected>(Assert.Single(rejected.Events)).Reason);
        Assert.Equal(LifecycleStatus.Ok, again.Status);
        Assert.Equal(ProjectPhase.Applied, again.State.Phase);
        Assert.Equal(D("2026-06-01"), again.State.AppliedOn);
    }

    [Fact]
    public void a_rejection_needs_a_reason()
    {
        Assert.Equal(LifecycleStatus.TextEmpty, ProjectLifecycle.Reject(ProjectAt(ProjectPhase.UnderReview), Admin, DecidedOn, "").Status);
    }

    [Fact]
    public void a_deregistered_project_is_terminal()
    {
        var deregistered = ProjectLifecycle.Deregister(ProjectAt(ProjectPhase.Registered), Owner, D("2026-06-01"), "plant decommissioned");

        Assert.Equal(ProjectPhase.Deregistered, deregistered.State.Phase);
        Assert.Equal(LifecycleStatus.InvalidTransition, ProjectLifecycle.Revoke(deregistered.State, Admin, D("2026-06-02"), "fraud").Status);
        Assert.Equal(LifecycleStatus.InvalidTransition, ProjectLifecycle.Deregister(deregistered.State, Admin, D("2026-06-02"), "again").Status);
    }

    [Fact]
    public void revocation_bars_the_owner_from_applying_for_three_years()
    {
        var revoked = ProjectLifecycle.Revoke(ProjectAt(ProjectPhase.Registered), Regulator, D("2026-06-01"), "falsified meter data");
        var ban = Assert.IsType<ApplicationBanImposed>(revoked.Events[1]).Ban;
        var secondProject = ProjectAt(ProjectPhase.Validated);

        var barred = ProjectLifecycle.Apply(secondProject, Owner, D("2026-07-01"), Application(), Context(bans: [ban]), Prc);

        Assert.Equal(ProjectPhase.Revoked, revoked.State.Phase);
        Assert.IsType<ProjectRevoked>(revoked.Events[0]);
        Assert.Equal(new ApplicationBan(OwnerOrg, TheProject, D("2026-06-01"), D("2029-06-01")), ban);
        Assert.True(ban.IsActiveOn(D("2029-05-31")));
        Assert.False(ban.IsActiveOn(D("2029-06-01")));
        Assert.Equal(LifecycleStatus.ApplicationBanActive, barred.Status);
    }

    [Fact]
    public void an_owner_cannot_revoke_its_own_project()
    {
        Assert.Equal(LifecycleStatus.WrongRole, ProjectLifecycle.Revoke(ProjectAt(ProjectPhase.Registered), Owner, D("2026-06-01"), "oops").Status);
    }
}
