using OpenCcer.Core.Lifecycle;
using static OpenCcer.Core.Tests.Lifecycle.Fixture;

namespace OpenCcer.Core.Tests.Lifecycle;

public sealed class ProjectEligibilityTests
{
    private static Decision<ProjectState> ApplyWith(
        ProjectApplication? application = null, ApplicationContext? context = null, ProjectDescription? description = null, string date = "2026-04-10")
    {
        var validated = ProjectAt(ProjectPhase.Validated, description);
        var decision = ProjectLifecycle.Apply(validated, Owner, D(date), application ?? Application(), context ?? Context(Terms(validated.Description.MethodologyCode)), Prc);
        if (!decision.IsOk)
        {
            Assert.Same(validated, decision.State);
            Assert.Empty(decision.Events);
        }

        return decision;
    }

    [Fact]
    public void an_eligible_application_is_applied_with_a_review_due_15_working_days_later()
    {
        var decision = ApplyWith();

        Assert.Equal(LifecycleStatus.Ok, decision.Status);
        Assert.Equal(ProjectPhase.Applied, decision.State.Phase);
        Assert.Equal(ReviewDue, decision.State.ReviewDue);
        Assert.Equal(ReviewDue, Assert.IsType<ProjectApplied>(Assert.Single(decision.Events)).ReviewDue);
    }

    [Fact]
    public void application_fails_when_the_owner_is_barred_after_a_revocation()
    {
        var ban = ApplicationBan.After(OwnerOrg, new ProjectId(Guid.Empty), D("2024-01-15"));

        Assert.Equal(LifecycleStatus.ApplicationBanActive, ApplyWith(context: Context(bans: [ban])).Status);
    }

    [Fact]
    public void application_is_allowed_once_the_three_year_ban_has_run_out()
    {
        var ban = ApplicationBan.After(OwnerOrg, new ProjectId(Guid.Empty), D("2023-04-10"));

        Assert.Equal(D("2026-04-10"), ban.Until);
        Assert.Equal(LifecycleStatus.Ok, ApplyWith(context: Context(bans: [ban])).Status);
    }

    [Fact]
    public void a_ban_on_another_owner_does_not_bar_this_one()
    {
        var ban = ApplicationBan.After(OtherOwnerOrg, new ProjectId(Guid.Empty), D("2025-01-15"));

        Assert.Equal(LifecycleStatus.Ok, ApplyWith(context: Context(bans: [ban])).Status);
    }

    [Fact]
    public void application_fails_without_the_uniqueness_commitment()
    {
        Assert.Equal(LifecycleStatus.UniquenessCommitmentMissing, ApplyWith(Application(commitment: false)).Status);
    }

    [Theory]
    [InlineData("2012-11-08", LifecycleStatus.ConstructionStartTooEarly)]
    [InlineData("2010-03-01", LifecycleStatus.ConstructionStartTooEarly)]
    [InlineData("2012-11-09", LifecycleStatus.Ok)]
    public void construction_must_start_after_8_november_2012(string constructionStart, LifecycleStatus expected)
    {
        Assert.Equal(expected, ApplyWith(description: Description(constructionStart: constructionStart)).Status);
    }

    [Fact]
    public void application_fails_before_the_methodology_is_in_force()
    {
        Assert.Equal(LifecycleStatus.MethodologyNotInForce, ApplyWith(context: Context(Terms(inForce: "2026-04-11"))).Status);
    }

    [Fact]
    public void application_fails_from_the_day_the_methodology_is_retired()
    {
        Assert.Equal(LifecycleStatus.MethodologyNotInForce, ApplyWith(context: Context(Terms(retiredOn: "2026-04-10"))).Status);
        Assert.Equal(LifecycleStatus.Ok, ApplyWith(context: Context(Terms(retiredOn: "2026-04-11"))).Status);
    }

    [Fact]
    public void application_fails_when_the_crediting_period_exceeds_the_methodology_maximum()
    {
        var description = Description(creditingYears: 11);

        Assert.Equal(LifecycleStatus.CreditingPeriodTooLong, ApplyWith(description: description).Status);
    }

    [Fact]
    public void application_fails_under_ets_allowance_management()
    {
        Assert.Equal(LifecycleStatus.UnderEtsAllowanceManagement, ApplyWith(Application(ets: true)).Status);
    }

    [Fact]
    public void application_fails_with_a_legal_reduction_obligation()
    {
        Assert.Equal(LifecycleStatus.LegalReductionObligation, ApplyWith(Application(obligation: true)).Status);
    }

    [Fact]
    public void application_fails_while_registered_in_another_mechanism()
    {
        var vcs = new ExternalRegistration(new ExternalId(ExternalMechanism.Vcs, "VCS-2041"), Active: true);

        Assert.Equal(LifecycleStatus.RegisteredElsewhere, ApplyWith(Application(external: vcs)).Status);
    }

    [Fact]
    public void an_ended_registration_elsewhere_is_recorded_and_allowed()
    {
        var cdm = new ExternalRegistration(new ExternalId(ExternalMechanism.Cdm, "1234"), Active: false);

        var decision = ApplyWith(Application(external: cdm));

        Assert.Equal(LifecycleStatus.Ok, decision.Status);
        Assert.Equal(cdm, Assert.Single(decision.State.Application!.ExternalRegistrations));
    }

    [Fact]
    public void application_fails_when_its_external_id_is_already_known_to_the_registry()
    {
        var declared = new ExternalRegistration(new ExternalId(ExternalMechanism.GoldStandard, " gs-7781 "), Active: false);
        var known = new ExternalId(ExternalMechanism.GoldStandard, "GS-7781");

        Assert.Equal(LifecycleStatus.ExternalIdAlreadyClaimed, ApplyWith(Application(external: declared), Context(known: [known])).Status);
    }

    [Fact]
    public void the_same_id_in_another_mechanism_is_not_a_duplicate()
    {
        var declared = new ExternalRegistration(new ExternalId(ExternalMechanism.Vcs, "7781"), Active: false);
        var known = new ExternalId(ExternalMechanism.GoldStandard, "7781");

        Assert.Equal(LifecycleStatus.Ok, ApplyWith(Application(external: declared), Context(known: [known])).Status);
    }

    [Theory]
    [InlineData(OffshoreWind, LifecycleStatus.GreenCertificateElected)]
    [InlineData(SolarThermal, LifecycleStatus.GreenCertificateElected)]
    [InlineData(Afforestation, LifecycleStatus.Ok)]
    public void green_certificate_election_is_refused_for_offshore_wind_and_solar_thermal(string methodology, LifecycleStatus expected)
    {
        var description = Description(methodology);

        Assert.Equal(expected, ApplyWith(Application(greenCertificates: true), Context(Terms(methodology)), description).Status);
    }

    [Fact]
    public void the_first_broken_rule_in_status_order_is_reported()
    {
        var decision = ApplyWith(Application(commitment: false, ets: true, greenCertificates: true), description: Description(constructionStart: "2011-01-01"));

        Assert.Equal(LifecycleStatus.UniquenessCommitmentMissing, decision.Status);
    }

    [Fact]
    public void application_whose_review_deadline_falls_in_an_unknown_year_is_refused()
    {
        Assert.Equal(LifecycleStatus.CalendarYearUnknown, ApplyWith(date: "2026-12-24").Status);
    }

    [Fact]
    public void terms_of_another_methodology_are_a_caller_defect()
    {
        Assert.Throws<ArgumentException>(() => ApplyWith(context: Context(Terms(Afforestation))));
    }
}
