using OpenCcer.Core.Calendar;
using OpenCcer.Core.Primitives;

namespace OpenCcer.Core.Lifecycle;

// Application, review, registration and issuance.
public static partial class ReductionLifecycle
{
    /// <summary>
    /// The owner applies for registration of exactly the verified quantity, checked by
    /// <see cref="ReductionEligibility.CheckApplication"/>. The registry has until the 15th working day after
    /// <paramref name="date"/> to decide (M 22), counted as for projects.
    /// </summary>
    public static Decision<ReductionState> Apply(
        ReductionState state,
        ProjectState project,
        Actor actor,
        DateOnly date,
        Tonnes quantity,
        IEnumerable<ReductionState> projectReductions,
        ReductionRules rules,
        WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        RequireProject(state, project);
        var status = OwnerIn(state, actor, ReductionPhase.Verified);
        if (status == LifecycleStatus.Ok && !calendar.TryAddWorkingDays(date, ReductionState.ReviewWorkingDays, out _, out _))
        {
            status = LifecycleStatus.CalendarYearUnknown;
        }

        if (status == LifecycleStatus.Ok)
        {
            status = ReductionEligibility.CheckApplication(state, project, projectReductions, quantity, date, rules);
        }

        if (status != LifecycleStatus.Ok)
        {
            return Decision.Refuse(status, state);
        }

        var due = calendar.AddWorkingDays(date, ReductionState.ReviewWorkingDays);
        return Decision.Ok(
            state with { Phase = ReductionPhase.Applied, AppliedQuantity = quantity, AppliedOn = date, ReviewDue = due },
            new ReductionApplied(state.Id, state.Project, actor, date, quantity, due));
    }

    /// <summary>The registry accepts the application for review.</summary>
    public static Decision<ReductionState> AcceptForReview(ReductionState state, Actor actor, DateOnly date) =>
        Move(state, actor, ReductionPhase.Applied, ReductionPhase.UnderReview, new ReductionReviewStarted(state.Id, state.Project, actor, date));

    /// <summary>The registry registers the reductions; a decision after the due date is flagged late, not refused.</summary>
    public static Decision<ReductionState> Register(ReductionState state, Actor actor, DateOnly date) =>
        Move(state, actor, ReductionPhase.UnderReview, ReductionPhase.Registered, new ReductionRegistered(state.Id, state.Project, actor, date, date > state.ReviewDue));

    /// <summary>The registry rejects the application with a reason. Terminal; the period stops blocking overlaps.</summary>
    public static Decision<ReductionState> Reject(ReductionState state, Actor actor, DateOnly date, string reason)
    {
        var status = Access.Administrator(actor);
        if (status == LifecycleStatus.Ok && state.Phase != ReductionPhase.UnderReview)
        {
            status = LifecycleStatus.InvalidTransition;
        }

        if (status == LifecycleStatus.Ok)
        {
            status = Texts.Check(reason, Texts.ReasonLengthMax);
        }

        return status != LifecycleStatus.Ok
            ? Decision.Refuse(status, state)
            : Decision.Ok(
                state with { Phase = ReductionPhase.Rejected },
                new ReductionRejected(state.Id, state.Project, actor, date, reason, date > state.ReviewDue));
    }

    /// <summary>
    /// The registry issues the registered quantity into the owner's account: emits
    /// <see cref="ReductionIssued"/> and then one <see cref="IssuanceRequested"/> per vintage year, split by
    /// <see cref="Vintages.Split"/> (a year whose share is zero gets none). The ledger acts on the requests; this lifecycle keeps no holdings.
    /// </summary>
    public static Decision<ReductionState> Issue(ReductionState state, Actor actor, DateOnly date)
    {
        var status = Access.Administrator(actor);
        if (status == LifecycleStatus.Ok && state.Phase != ReductionPhase.Registered)
        {
            status = LifecycleStatus.InvalidTransition;
        }

        if (status != LifecycleStatus.Ok)
        {
            return Decision.Refuse(status, state);
        }

        var quantity = state.AppliedQuantity ?? throw new InvalidOperationException($"Registered reduction {state.Id} has no applied quantity.");
        var events = new List<LifecycleEvent> { new ReductionIssued(state.Id, state.Project, actor, date, quantity) };
        // A year whose share rounds down to zero tonnes gets no request: there is nothing to issue.
        events.AddRange(Vintages.Split(state.Period, quantity).Where(share => share.Quantity.IsPositive).Select(share =>
            new IssuanceRequested(state.Id, state.Project, actor, date, state.Owner, share.Part, share.Quantity, share.Vintage)));
        return Decision.Ok(state with { Phase = ReductionPhase.Issued }, [.. events]);
    }

    private static Decision<ReductionState> Move(ReductionState state, Actor actor, ReductionPhase from, ReductionPhase to, ReductionEvent happened)
    {
        var status = Access.Administrator(actor);
        if (status == LifecycleStatus.Ok && state.Phase != from)
        {
            status = LifecycleStatus.InvalidTransition;
        }

        return status != LifecycleStatus.Ok ? Decision.Refuse(status, state) : Decision.Ok(state with { Phase = to }, happened);
    }
}
