using OpenCcer.Core.Lifecycle;
using OpenCcer.Core.Primitives;
using static OpenCcer.Core.Tests.Lifecycle.Fixture;

namespace OpenCcer.Core.Tests.Lifecycle;

/// <summary>A registered project and its reductions walked to any phase.</summary>
internal static class ReductionFixture
{
    public static readonly ReductionId TheReduction = new(Guid.Parse("0193a000-0000-7000-8000-0000000000a1"));
    public static readonly ReductionId OtherReduction = new(Guid.Parse("0193a000-0000-7000-8000-0000000000a2"));

    public static readonly MonitoringPeriod FourYears = new(D("2022-01-01"), D("2025-12-31"));
    public static readonly Tonnes Verified = new(1_988_764);

    // Monitoring opened and drafted 6 May 2026; notice 17 Jul to 13 Aug 2026; verified 1 Sep;
    // applied Monday 7 Sep 2026, review due Monday 28 Sep (Sun 20 Sep make-up day, 25-27 Sep Mid-Autumn off).
    public static readonly DateOnly Opened = D("2026-05-06");
    public static readonly DateOnly ReportPublished = D("2026-07-17");
    public static readonly DateOnly ReportNoticeEnd = D("2026-08-13");
    public static readonly DateOnly VerifiedOn = D("2026-09-01");
    public static readonly DateOnly ReductionAppliedOn = D("2026-09-07");
    public static readonly DateOnly ReductionReviewDue = D("2026-09-28");

    public static ProjectState Registered(string creditingStart = "2021-12-16") =>
        ProjectAt(ProjectPhase.Registered, Description() with { CreditingPeriod = new CreditingPeriod(D(creditingStart), 10) });

    public static ReductionState Opening(ProjectState project, MonitoringPeriod period, ReductionId? id = null) =>
        ReductionLifecycle.StartMonitoring(project, Owner, Opened, id ?? TheReduction, period, []).State!;

    public static ReductionState ReductionAt(ReductionPhase phase, ProjectState? project = null, MonitoringPeriod? period = null)
    {
        project ??= Registered();
        var steps = new List<(ReductionPhase Reached, Func<ReductionState, Decision<ReductionState>> Step)>
        {
            (ReductionPhase.ReportDrafted, s => ReductionLifecycle.DraftReport(s, Owner, Opened, Verified, Hash)),
            (ReductionPhase.InPublicNotice, s => ReductionLifecycle.Publish(s, project, Owner, ReportPublished, VerifierOrg, Prc)),
            (ReductionPhase.UnderVerification, s => ReductionLifecycle.StartVerification(s, Verifier, ReportNoticeEnd.AddDays(1))),
            (ReductionPhase.Verified, s => ReductionLifecycle.SubmitVerificationReport(s, Verifier, VerifiedOn, Verified, Hash)),
            (ReductionPhase.Applied, s => ReductionLifecycle.Apply(s, project, Owner, ReductionAppliedOn, Verified, [], ReductionRules.Default, Prc)),
            (ReductionPhase.UnderReview, s => ReductionLifecycle.AcceptForReview(s, Admin, ReductionAppliedOn)),
            (ReductionPhase.Registered, s => ReductionLifecycle.Register(s, Admin, D("2026-09-21"))),
            (ReductionPhase.Issued, s => ReductionLifecycle.Issue(s, Admin, D("2026-09-22"))),
        };
        var state = Opening(project, period ?? FourYears);
        var count = phase == ReductionPhase.Monitoring ? 0 : steps.FindIndex(p => p.Reached == phase) + 1;
        Assert.True(count >= 0 && (count > 0 || phase == ReductionPhase.Monitoring), $"{phase} is not on the happy path");
        foreach (var (_, step) in steps.Take(count))
        {
            var decision = step(state);
            Assert.Equal(LifecycleStatus.Ok, decision.Status);
            state = decision.State;
        }

        Assert.Equal(phase, state.Phase);
        return state;
    }
}
