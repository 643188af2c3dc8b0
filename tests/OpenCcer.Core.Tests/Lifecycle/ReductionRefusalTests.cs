using OpenCcer.Core.Lifecycle;
using static OpenCcer.Core.Tests.Lifecycle.Fixture;
using static OpenCcer.Core.Tests.Lifecycle.ReductionFixture;

namespace OpenCcer.Core.Tests.Lifecycle;

/// <summary>Wrong role, another organisation's reductions, out-of-order transitions: refused, state and journal untouched.</summary>
public sealed class ReductionRefusalTests
{
    private static readonly ProjectState Project = Registered();

    private static readonly Dictionary<string, Func<ReductionState, Actor, Decision<ReductionState>>> Commands = new()
    {
        ["draft report"] = (s, a) => ReductionLifecycle.DraftReport(s, a, Opened, Verified, Hash),
        ["publish"] = (s, a) => ReductionLifecycle.Publish(s, Project, a, ReportPublished, VerifierOrg, Prc),
        ["start verification"] = (s, a) => ReductionLifecycle.StartVerification(s, a, ReportNoticeEnd.AddDays(1)),
        ["verify"] = (s, a) => ReductionLifecycle.SubmitVerificationReport(s, a, VerifiedOn, Verified, Hash),
        ["apply"] = (s, a) => ReductionLifecycle.Apply(s, Project, a, ReductionAppliedOn, Verified, [], ReductionRules.Default, Prc),
        ["accept"] = (s, a) => ReductionLifecycle.AcceptForReview(s, a, ReductionAppliedOn),
        ["register"] = (s, a) => ReductionLifecycle.Register(s, a, ReductionAppliedOn),
        ["reject"] = (s, a) => ReductionLifecycle.Reject(s, a, ReductionAppliedOn, "reason"),
        ["issue"] = (s, a) => ReductionLifecycle.Issue(s, a, ReductionAppliedOn),
    };

    public static TheoryData<string, ReductionPhase, string, LifecycleStatus> Refusals => new()
    {
        { "draft report", ReductionPhase.Monitoring, "verifier", LifecycleStatus.WrongRole },
        { "draft report", ReductionPhase.Monitoring, "other owner", LifecycleStatus.NotYourProject },
        { "draft report", ReductionPhase.Verified, "owner", LifecycleStatus.InvalidTransition },
        { "publish", ReductionPhase.ReportDrafted, "admin", LifecycleStatus.WrongRole },
        { "publish", ReductionPhase.ReportDrafted, "other owner", LifecycleStatus.NotYourProject },
        { "publish", ReductionPhase.Monitoring, "owner", LifecycleStatus.InvalidTransition },
        { "start verification", ReductionPhase.InPublicNotice, "owner", LifecycleStatus.WrongRole },
        { "start verification", ReductionPhase.ReportDrafted, "verifier", LifecycleStatus.NotYourProject },
        { "start verification", ReductionPhase.UnderVerification, "verifier", LifecycleStatus.InvalidTransition },
        { "verify", ReductionPhase.UnderVerification, "admin", LifecycleStatus.WrongRole },
        { "verify", ReductionPhase.UnderVerification, "validator", LifecycleStatus.NotYourProject },
        { "verify", ReductionPhase.InPublicNotice, "verifier", LifecycleStatus.InvalidTransition },
        { "apply", ReductionPhase.Verified, "verifier", LifecycleStatus.WrongRole },
        { "apply", ReductionPhase.Verified, "other owner", LifecycleStatus.NotYourProject },
        { "apply", ReductionPhase.UnderVerification, "owner", LifecycleStatus.InvalidTransition },
        { "accept", ReductionPhase.Applied, "owner", LifecycleStatus.WrongRole },
        { "accept", ReductionPhase.Verified, "admin", LifecycleStatus.InvalidTransition },
        { "register", ReductionPhase.UnderReview, "regulator", LifecycleStatus.WrongRole },
        { "register", ReductionPhase.Applied, "admin", LifecycleStatus.InvalidTransition },
        { "reject", ReductionPhase.UnderReview, "trader", LifecycleStatus.WrongRole },
        { "reject", ReductionPhase.Registered, "admin", LifecycleStatus.InvalidTransition },
        { "issue", ReductionPhase.Registered, "owner", LifecycleStatus.WrongRole },
        { "issue", ReductionPhase.UnderReview, "admin", LifecycleStatus.InvalidTransition },
        { "issue", ReductionPhase.Issued, "admin", LifecycleStatus.InvalidTransition },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void a_refused_transition_leaves_the_reduction_unchanged_and_journals_nothing(
        string command, ReductionPhase phase, string actor, LifecycleStatus expected)
    {
        var state = ReductionAt(phase, Project);

        var decision = Commands[command](state, ActorNamed(actor));

        Assert.Equal(expected, decision.Status);
        Assert.Same(state, decision.State);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void only_the_project_owner_opens_a_monitoring_period()
    {
        Assert.Equal(LifecycleStatus.WrongRole, ReductionLifecycle.StartMonitoring(Project, Admin, Opened, TheReduction, FourYears, []).Status);
        Assert.Equal(LifecycleStatus.NotYourProject, ReductionLifecycle.StartMonitoring(Project, OtherOwner, Opened, TheReduction, FourYears, []).Status);
    }

    private static Actor ActorNamed(string name) => name switch
    {
        "owner" => Owner,
        "other owner" => OtherOwner,
        "validator" => Validator,
        "verifier" => Verifier,
        "admin" => Admin,
        "regulator" => Regulator,
        "trader" => Trader,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };
}
