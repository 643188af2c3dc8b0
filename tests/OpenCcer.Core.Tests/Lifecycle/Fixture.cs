using System.Collections.Immutable;
using OpenCcer.Core.Calendar;
using OpenCcer.Core.Lifecycle;

namespace OpenCcer.Core.Tests.Lifecycle;

/// <summary>Parties, data and a project walked to any phase, shared by the lifecycle tests.</summary>
internal static class Fixture
{
    public static readonly WorkingDayCalendar Prc = WorkingDayCalendar.Shipped();

    public static readonly OrganisationId OwnerOrg = Org(1);
    public static readonly OrganisationId OtherOwnerOrg = Org(2);
    public static readonly OrganisationId ValidatorOrg = Org(3);
    public static readonly OrganisationId VerifierOrg = Org(4);

    public static readonly Actor Owner = new(Role.ProjectOwner, OwnerOrg);
    public static readonly Actor OtherOwner = new(Role.ProjectOwner, OtherOwnerOrg);
    public static readonly Actor Validator = new(Role.Vvb, ValidatorOrg);
    public static readonly Actor Verifier = new(Role.Vvb, VerifierOrg);
    public static readonly Actor Admin = new(Role.RegistryAdministrator, Org(5));
    public static readonly Actor Regulator = new(Role.Regulator, Org(6));
    public static readonly Actor Trader = new(Role.TradingParticipant, Org(7));

    public static readonly ProjectId TheProject = new(Guid.Parse("0193a000-0000-7000-8000-000000000001"));

    public const string OffshoreWind = "CCER-01-002-V01";
    public const string SolarThermal = "CCER-01-001-V01";
    public const string Afforestation = "CCER-14-001-V01";
    public const string Hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    // Timeline used throughout: publication on Monday 9 Feb 2026 (notice ends 12 Mar across the Spring
    // Festival), validation in March, application on Friday 10 Apr 2026 (review due 6 May across Labour Day).
    public static readonly DateOnly Published = D("2026-02-09");
    public static readonly DateOnly NoticeEnd = D("2026-03-12");
    public static readonly DateOnly AfterNotice = D("2026-03-13");
    public static readonly DateOnly ValidationDay = D("2026-03-20");
    public static readonly DateOnly AppliedOn = D("2026-04-10");
    public static readonly DateOnly ReviewDue = D("2026-05-06");
    public static readonly DateOnly DecidedOn = D("2026-04-30");

    public static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    public static OrganisationId Org(int n) => new(new Guid(n, 0, 0, [0, 0, 0, 0, 0, 0, 0, 1]));

    public static ProjectDescription Description(string methodology = OffshoreWind, string constructionStart = "2020-07-08", int creditingYears = 10) =>
        new("Shandong Peninsula South No. 3 offshore wind", methodology, D(constructionStart), new CreditingPeriod(D("2021-12-16"), creditingYears));

    public static MethodologyTerms Terms(string code = OffshoreWind, string inForce = "2023-10-24", string? retiredOn = null, int creditingYearsMax = 10) =>
        new(code, D(inForce), retiredOn is null ? null : D(retiredOn), creditingYearsMax);

    public static ProjectApplication Application(
        bool commitment = true, bool ets = false, bool obligation = false, bool greenCertificates = false, params ExternalRegistration[] external) =>
        new(commitment, [.. external], ets, obligation, greenCertificates);

    public static ApplicationContext Context(MethodologyTerms? terms = null, ExternalId[]? known = null, ApplicationBan[]? bans = null) =>
        new(terms ?? Terms(), (known ?? []).ToHashSet(), bans ?? []);

    public static ProjectState Draft(ProjectDescription? description = null) =>
        ProjectLifecycle.Draft(Owner, Published, TheProject, description ?? Description()).State!;

    /// <summary>A project walked along the happy path to <paramref name="phase"/>, every step asserted Ok.</summary>
    public static ProjectState ProjectAt(ProjectPhase phase, ProjectDescription? description = null)
    {
        var state = Draft(description);
        foreach (var step in PathTo(phase, (description ?? Description()).MethodologyCode))
        {
            var decision = step(state);
            Assert.Equal(LifecycleStatus.Ok, decision.Status);
            state = decision.State;
        }

        Assert.Equal(phase, state.Phase);
        return state;
    }

    private static IEnumerable<Func<ProjectState, Decision<ProjectState>>> PathTo(ProjectPhase phase, string methodology)
    {
        var path = new List<(ProjectPhase Reached, Func<ProjectState, Decision<ProjectState>> Step)>
        {
            (ProjectPhase.InPublicNotice, s => ProjectLifecycle.Publish(s, Owner, Published, ValidatorOrg, Prc)),
            (ProjectPhase.NoticeEnded, s => ProjectLifecycle.EndNotice(s, Owner, AfterNotice)),
            (ProjectPhase.UnderValidation, s => ProjectLifecycle.StartValidation(s, Validator, AfterNotice)),
            (ProjectPhase.Validated, s => ProjectLifecycle.SubmitValidationReport(s, Validator, ValidationDay, new ValidationReport(ValidationConclusion.Positive, Hash, "meets M 9"))),
            (ProjectPhase.Applied, s => ProjectLifecycle.Apply(s, Owner, AppliedOn, Application(), Context(Terms(methodology)), Prc)),
            (ProjectPhase.UnderReview, s => ProjectLifecycle.AcceptForReview(s, Admin, AppliedOn)),
            (ProjectPhase.Registered, s => ProjectLifecycle.Register(s, Admin, DecidedOn)),
        };
        if (phase == ProjectPhase.Draft)
        {
            return [];
        }

        var index = path.FindIndex(p => p.Reached == phase);
        if (index < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(phase), phase, "not on the happy path");
        }

        return path.Take(index + 1).Select(p => p.Step);
    }

    public static ImmutableArray<LifecycleEvent> NoEvents => [];
}
