using OpenCcer.Core.Lifecycle;
using static OpenCcer.Core.Tests.Lifecycle.Fixture;

namespace OpenCcer.Core.Tests.Lifecycle;

/// <summary>Wrong role, another organisation's project, out-of-order transitions: refused, state and journal untouched.</summary>
public sealed class ProjectRefusalTests
{
    private static readonly ValidationReport Positive = new(ValidationConclusion.Positive, Hash, "ok");

    private static readonly Dictionary<string, Func<ProjectState, Actor, Decision<ProjectState>>> Commands = new()
    {
        ["publish"] = (s, a) => ProjectLifecycle.Publish(s, a, Published, ValidatorOrg, Prc),
        ["answer"] = (s, a) => ProjectLifecycle.Answer(s, a, Published, 1, "answer"),
        ["withdraw"] = (s, a) => ProjectLifecycle.Withdraw(s, a, Published, "reason"),
        ["end notice"] = (s, a) => ProjectLifecycle.EndNotice(s, a, AfterNotice),
        ["start validation"] = (s, a) => ProjectLifecycle.StartValidation(s, a, AfterNotice),
        ["raise car"] = (s, a) => ProjectLifecycle.RaiseCorrectiveAction(s, a, ValidationDay, "text"),
        ["report"] = (s, a) => ProjectLifecycle.SubmitValidationReport(s, a, ValidationDay, Positive),
        ["apply"] = (s, a) => ProjectLifecycle.Apply(s, a, AppliedOn, Application(), Context(), Prc),
        ["accept"] = (s, a) => ProjectLifecycle.AcceptForReview(s, a, AppliedOn),
        ["register"] = (s, a) => ProjectLifecycle.Register(s, a, DecidedOn),
        ["reject"] = (s, a) => ProjectLifecycle.Reject(s, a, DecidedOn, "reason"),
        ["deregister"] = (s, a) => ProjectLifecycle.Deregister(s, a, DecidedOn, "reason"),
        ["revoke"] = (s, a) => ProjectLifecycle.Revoke(s, a, DecidedOn, "reason"),
    };

    public static TheoryData<string, ProjectPhase, string, LifecycleStatus> Refusals => new()
    {
        { "publish", ProjectPhase.Draft, "trader", LifecycleStatus.WrongRole },
        { "publish", ProjectPhase.Draft, "other owner", LifecycleStatus.NotYourProject },
        { "publish", ProjectPhase.Validated, "owner", LifecycleStatus.InvalidTransition },
        { "answer", ProjectPhase.InPublicNotice, "admin", LifecycleStatus.WrongRole },
        { "withdraw", ProjectPhase.InPublicNotice, "other owner", LifecycleStatus.NotYourProject },
        { "withdraw", ProjectPhase.Draft, "owner", LifecycleStatus.InvalidTransition },
        { "end notice", ProjectPhase.InPublicNotice, "validator", LifecycleStatus.WrongRole },
        { "end notice", ProjectPhase.InPublicNotice, "other owner", LifecycleStatus.NotYourProject },
        { "end notice", ProjectPhase.Draft, "admin", LifecycleStatus.InvalidTransition },
        { "start validation", ProjectPhase.InPublicNotice, "validator", LifecycleStatus.InvalidTransition },
        { "start validation", ProjectPhase.NoticeEnded, "admin", LifecycleStatus.WrongRole },
        { "raise car", ProjectPhase.UnderValidation, "owner", LifecycleStatus.WrongRole },
        { "raise car", ProjectPhase.UnderValidation, "verifier", LifecycleStatus.NotYourProject },
        { "raise car", ProjectPhase.Validated, "validator", LifecycleStatus.InvalidTransition },
        { "report", ProjectPhase.UnderValidation, "owner", LifecycleStatus.WrongRole },
        { "report", ProjectPhase.NoticeEnded, "validator", LifecycleStatus.InvalidTransition },
        { "apply", ProjectPhase.Validated, "admin", LifecycleStatus.WrongRole },
        { "apply", ProjectPhase.Validated, "other owner", LifecycleStatus.NotYourProject },
        { "apply", ProjectPhase.Draft, "owner", LifecycleStatus.InvalidTransition },
        { "apply", ProjectPhase.Registered, "owner", LifecycleStatus.InvalidTransition },
        { "accept", ProjectPhase.Applied, "owner", LifecycleStatus.WrongRole },
        { "accept", ProjectPhase.Validated, "admin", LifecycleStatus.InvalidTransition },
        { "register", ProjectPhase.UnderReview, "regulator", LifecycleStatus.WrongRole },
        { "register", ProjectPhase.Applied, "admin", LifecycleStatus.InvalidTransition },
        { "reject", ProjectPhase.UnderReview, "owner", LifecycleStatus.WrongRole },
        { "reject", ProjectPhase.Registered, "admin", LifecycleStatus.InvalidTransition },
        { "deregister", ProjectPhase.Registered, "validator", LifecycleStatus.WrongRole },
        { "deregister", ProjectPhase.Registered, "other owner", LifecycleStatus.NotYourProject },
        { "deregister", ProjectPhase.UnderReview, "owner", LifecycleStatus.InvalidTransition },
        { "revoke", ProjectPhase.Registered, "trader", LifecycleStatus.WrongRole },
        { "revoke", ProjectPhase.Applied, "regulator", LifecycleStatus.InvalidTransition },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void a_refused_transition_leaves_the_state_unchanged_and_journals_nothing(string command, ProjectPhase phase, string actor, LifecycleStatus expected)
    {
        var state = ProjectAt(phase);

        var decision = Commands[command](state, ActorNamed(actor));

        Assert.Equal(expected, decision.Status);
        Assert.Same(state, decision.State);
        Assert.Empty(decision.Events);
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
