using OpenCcer.Core.Calendar;

namespace OpenCcer.Core.Lifecycle;

// Application, review, registration and what may follow it.
public static partial class ProjectLifecycle
{
    /// <summary>
    /// The owner applies for registration after a positive validation, or again after a rejection. The
    /// application must pass <see cref="ProjectEligibility.Check"/> on <paramref name="date"/>. The registry has
    /// until the 15th working day after <paramref name="date"/> to decide (M 15): the day of receipt is not
    /// counted, as for statutory periods generally.
    /// </summary>
    public static Decision<ProjectState> Apply(
        ProjectState state, Actor actor, DateOnly date, ProjectApplication application, ApplicationContext context, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var status = Access.Owner(actor, state.Owner);
        if (status == LifecycleStatus.Ok && state.Phase is not (ProjectPhase.Validated or ProjectPhase.Rejected))
        {
            status = LifecycleStatus.InvalidTransition;
        }

        if (status == LifecycleStatus.Ok && !calendar.TryAddWorkingDays(date, ProjectState.ReviewWorkingDays, out _, out _))
        {
            status = LifecycleStatus.CalendarYearUnknown;
        }

        if (status == LifecycleStatus.Ok)
        {
            status = ProjectEligibility.Check(state, application, context, date);
        }

        if (status != LifecycleStatus.Ok)
        {
            return Decision.Refuse(status, state);
        }

        var due = calendar.AddWorkingDays(date, ProjectState.ReviewWorkingDays);
        var next = state with { Phase = ProjectPhase.Applied, Application = application, AppliedOn = date, ReviewDue = due };
        return Decision.Ok(next, new ProjectApplied(state.Id, actor, date, application, due));
    }

    /// <summary>The registry accepts the application for review.</summary>
    public static Decision<ProjectState> AcceptForReview(ProjectState state, Actor actor, DateOnly date) =>
        Move(state, actor, ProjectPhase.Applied, ProjectPhase.UnderReview, new ProjectReviewStarted(state.Id, actor, date));

    /// <summary>The registry registers the project; a decision after the due date is flagged late, not refused.</summary>
    public static Decision<ProjectState> Register(ProjectState state, Actor actor, DateOnly date)
    {
        var decision = Move(state, actor, ProjectPhase.UnderReview, ProjectPhase.Registered, new ProjectRegistered(state.Id, actor, date, date > state.ReviewDue));
        return decision.IsOk ? decision with { State = decision.State with { RegisteredOn = date } } : decision;
    }

    /// <summary>The registry rejects the application, giving a reason; the owner may apply again.</summary>
    public static Decision<ProjectState> Reject(ProjectState state, Actor actor, DateOnly date, string reason)
    {
        var status = Access.Administrator(actor);
        if (status == LifecycleStatus.Ok && state.Phase != ProjectPhase.UnderReview)
        {
            status = LifecycleStatus.InvalidTransition;
        }

        if (status == LifecycleStatus.Ok)
        {
            status = Texts.Check(reason, Texts.ReasonLengthMax);
        }

        return status != LifecycleStatus.Ok
            ? Decision.Refuse(status, state)
            : Decision.Ok(state with { Phase = ProjectPhase.Rejected }, new ProjectRejected(state.Id, actor, date, reason, date > state.ReviewDue));
    }

    /// <summary>
    /// The project leaves the registry for good, at the owner's request or because it ceased (M 16):
    /// triggered by the owner or by the registry. Terminal.
    /// </summary>
    public static Decision<ProjectState> Deregister(ProjectState state, Actor actor, DateOnly date, string reason)
    {
        var status = Access.OwnerOrAdministrator(actor, state.Owner);
        if (status == LifecycleStatus.Ok && state.Phase != ProjectPhase.Registered)
        {
            status = LifecycleStatus.InvalidTransition;
        }

        if (status == LifecycleStatus.Ok)
        {
            status = Texts.Check(reason, Texts.ReasonLengthMax);
        }

        return status != LifecycleStatus.Ok
            ? Decision.Refuse(status, state)
            : Decision.Ok(state with { Phase = ProjectPhase.Deregistered }, new ProjectDeregistered(state.Id, actor, date, reason));
    }

    /// <summary>
    /// The registration is revoked on fraud (M 43), by the registry or the regulator. Terminal. Also emits the
    /// <see cref="ApplicationBan"/> that bars the owner from applying for three years; the caller keeps it and
    /// passes it back in <see cref="ApplicationContext.Bans"/>.
    /// </summary>
    public static Decision<ProjectState> Revoke(ProjectState state, Actor actor, DateOnly date, string reason)
    {
        var status = actor.Role is Role.RegistryAdministrator or Role.Regulator ? LifecycleStatus.Ok : LifecycleStatus.WrongRole;
        if (status == LifecycleStatus.Ok && state.Phase != ProjectPhase.Registered)
        {
            status = LifecycleStatus.InvalidTransition;
        }

        if (status == LifecycleStatus.Ok)
        {
            status = Texts.Check(reason, Texts.ReasonLengthMax);
        }

        if (status != LifecycleStatus.Ok)
        {
            return Decision.Refuse(status, state);
        }

        var ban = ApplicationBan.After(state.Owner, state.Id, date);
        return Decision.Ok(
            state with { Phase = ProjectPhase.Revoked },
            new ProjectRevoked(state.Id, actor, date, reason),
            new ApplicationBanImposed(state.Id, actor, date, ban));
    }

    /// <summary>A registry decision that moves one phase to the next with no further rule.</summary>
    private static Decision<ProjectState> Move(ProjectState state, Actor actor, ProjectPhase from, ProjectPhase to, ProjectEvent happened)
    {
        var status = Access.Administrator(actor);
        if (status == LifecycleStatus.Ok && state.Phase != from)
        {
            status = LifecycleStatus.InvalidTransition;
        }

        return status != LifecycleStatus.Ok ? Decision.Refuse(status, state) : Decision.Ok(state with { Phase = to }, happened);
    }
}
