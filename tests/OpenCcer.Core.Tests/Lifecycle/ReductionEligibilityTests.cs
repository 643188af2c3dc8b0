using OpenCcer.Core.Lifecycle;
using OpenCcer.Core.Primitives;
using static OpenCcer.Core.Tests.Lifecycle.Fixture;
using static OpenCcer.Core.Tests.Lifecycle.ReductionFixture;

namespace OpenCcer.Core.Tests.Lifecycle;

public sealed class ReductionEligibilityTests
{
    private static MonitoringPeriod P(string first, string last) => new(D(first), D(last));

    private static LifecycleStatus Open(ProjectState project, MonitoringPeriod period, params ReductionState[] others) =>
        ReductionLifecycle.StartMonitoring(project, Owner, Opened, TheReduction, period, others).Status;

    private static LifecycleStatus ApplyFor(MonitoringPeriod period, string creditingStart, ReductionRules? rules = null, Tonnes? quantity = null)
    {
        var project = Registered(creditingStart);
        var verified = ReductionAt(ReductionPhase.Verified, project, period);
        var decision = ReductionLifecycle.Apply(verified, project, Owner, ReductionAppliedOn, quantity ?? Verified, [verified], rules ?? ReductionRules.Default, Prc);
        if (!decision.IsOk)
        {
            Assert.Same(verified, decision.State);
        }

        return decision.Status;
    }

    [Fact]
    public void monitoring_fails_when_the_project_is_not_registered()
    {
        Assert.Equal(LifecycleStatus.ProjectNotRegistered, Open(ProjectAt(ProjectPhase.UnderReview), FourYears));
    }

    [Fact]
    public void application_fails_once_the_project_is_revoked()
    {
        var project = Registered();
        var verified = ReductionAt(ReductionPhase.Verified, project);
        var revoked = ProjectLifecycle.Revoke(project, Admin, D("2026-09-01"), "fraud").State;

        var decision = ReductionLifecycle.Apply(verified, revoked, Owner, ReductionAppliedOn, Verified, [], ReductionRules.Default, Prc);

        Assert.Equal(LifecycleStatus.ProjectNotRegistered, decision.Status);
    }

    [Fact]
    public void monitoring_fails_for_a_period_that_ends_before_it_starts()
    {
        Assert.Equal(LifecycleStatus.PeriodInvalid, Open(Registered(), P("2023-01-01", "2022-12-31")));
    }

    [Theory]
    [InlineData("2021-12-15", "2022-06-30", LifecycleStatus.OutsideCreditingPeriod)]
    [InlineData("2021-12-16", "2022-06-30", LifecycleStatus.Ok)]
    [InlineData("2031-01-01", "2031-12-16", LifecycleStatus.OutsideCreditingPeriod)]
    [InlineData("2031-01-01", "2031-12-15", LifecycleStatus.Ok)]
    public void the_period_must_lie_inside_the_crediting_period(string first, string last, LifecycleStatus expected)
    {
        // Crediting period 2021-12-16 inclusive to 2031-12-16 exclusive.
        Assert.Equal(expected, Open(Registered(), P(first, last)));
    }

    [Theory]
    [InlineData("2020-09-22", LifecycleStatus.GeneratedBeforeCutoff)]
    [InlineData("2020-09-23", LifecycleStatus.Ok)]
    public void reductions_must_be_generated_after_22_september_2020(string first, LifecycleStatus expected)
    {
        Assert.Equal(expected, Open(Registered("2020-01-01"), P(first, "2020-12-31")));
    }

    [Fact]
    public void a_period_overlapping_a_live_period_of_the_project_is_refused()
    {
        var project = Registered();
        var earlier = ReductionAt(ReductionPhase.Issued, project);

        Assert.Equal(LifecycleStatus.PeriodOverlaps, ReductionLifecycle.StartMonitoring(project, Owner, Opened, OtherReduction, P("2025-12-31", "2026-03-31"), [earlier]).Status);
        Assert.Equal(LifecycleStatus.Ok, ReductionLifecycle.StartMonitoring(project, Owner, Opened, OtherReduction, P("2026-01-01", "2026-03-31"), [earlier]).Status);
    }

    [Fact]
    public void an_overlap_opened_in_the_meantime_is_caught_on_application()
    {
        var project = Registered();
        var verified = ReductionAt(ReductionPhase.Verified, project);
        var rival = Opening(project, P("2025-06-01", "2025-06-30"), OtherReduction);

        var decision = ReductionLifecycle.Apply(verified, project, Owner, ReductionAppliedOn, Verified, [verified, rival], ReductionRules.Default, Prc);

        Assert.Equal(LifecycleStatus.PeriodOverlaps, decision.Status);
    }

    [Theory]
    [InlineData("2021-09-06", LifecycleStatus.OlderThanFiveYears)]
    [InlineData("2021-09-07", LifecycleStatus.Ok)]
    public void by_default_the_period_start_must_be_within_five_years_of_the_application(string first, LifecycleStatus expected)
    {
        // Applied on 2026-09-07: five years before is 2021-09-07, which still qualifies.
        Assert.Equal(expected, ApplyFor(P(first, "2022-03-31"), "2021-01-01"));
    }

    [Fact]
    public void testing_the_period_end_instead_is_a_configuration_choice()
    {
        var period = P("2021-01-01", "2021-12-31");
        var testEnd = new ReductionRules(FiveYearTestedDay.PeriodEnd);

        Assert.Equal(LifecycleStatus.OlderThanFiveYears, ApplyFor(period, "2021-01-01"));
        Assert.Equal(LifecycleStatus.Ok, ApplyFor(period, "2021-01-01", testEnd));
    }

    [Fact]
    public void the_quantity_applied_for_must_equal_the_verified_quantity()
    {
        Assert.Equal(LifecycleStatus.QuantityDiffersFromVerified, ApplyFor(FourYears, "2021-12-16", quantity: Verified + new Tonnes(1)));
    }
}
