using OpenCcer.Core.Calendar;

namespace OpenCcer.Core.Lifecycle;

/// <summary>
/// The project lifecycle (M 11-16, 43) as pure functions: each transition takes the current state, the
/// acting party, the business date and the command's data, and returns a <see cref="Decision{TState}"/>.
/// Checks run in the order of <see cref="LifecycleStatus"/>: role, organisation, phase, input, time, rules.
/// A refusal returns the same state instance and no events.
/// This part: drafting, the public notice and validation. Registration is in the other part of the class.
/// </summary>
public static partial class ProjectLifecycle
{
    /// <summary>Longest crediting period a description may state; methodologies allow at most 40 years.</summary>
    public const int CreditingYearsMax = 100;

    /// <summary>A project owner drafts a new project. Refusals return a null state.</summary>
    public static Decision<ProjectState?> Draft(Actor actor, DateOnly date, ProjectId id, ProjectDescription description)
    {
        ArgumentNullException.ThrowIfNull(description);
        if (actor.Role != Role.ProjectOwner || actor.Organisation.IsNone)
        {
            return Decision.Refuse<ProjectState?>(LifecycleStatus.WrongRole, null);
        }

        if (Texts.Check(description.Title, Texts.TitleLengthMax) != LifecycleStatus.Ok
            || Texts.Check(description.MethodologyCode, Texts.CodeLengthMax) != LifecycleStatus.Ok
            || description.CreditingPeriod.Years is < 1 or > CreditingYearsMax
            || description.CreditingPeriod.Start.Year > DateOnly.MaxValue.Year - CreditingYearsMax)
        {
            return Decision.Refuse<ProjectState?>(LifecycleStatus.DescriptionInvalid, null);
        }

        var state = new ProjectState { Id = id, Owner = actor.Organisation, Phase = ProjectPhase.Draft, Description = description };
        return Decision.Ok<ProjectState?>(state, new ProjectDrafted(id, actor, date, description));
    }

    /// <summary>
    /// The owner publishes the PDD for 20 working days counting <paramref name="date"/> (M 12) and names the
    /// VVB that will validate it. The validation clock (100 days, V 4.3.3) starts the same day.
    /// </summary>
    public static Decision<ProjectState> Publish(ProjectState state, Actor actor, DateOnly date, OrganisationId vvb, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var status = Access.Owner(actor, state.Owner);
        if (status == LifecycleStatus.Ok && state.Phase != ProjectPhase.Draft)
        {
            status = LifecycleStatus.InvalidTransition;
        }

        if (status == LifecycleStatus.Ok && (vvb == state.Owner || vvb.IsNone))
        {
            status = LifecycleStatus.VvbIsOwner;
        }

        if (status != LifecycleStatus.Ok)
        {
            return Decision.Refuse(status, state);
        }

        if (!calendar.TryNoticeEnd(date, PublicNotice.WorkingDays, out var end, out _))
        {
            return Decision.Refuse(LifecycleStatus.CalendarYearUnknown, state);
        }

        var due = date.AddDays(ProjectState.ValidationDaysMax);
        var next = state with
        {
            Phase = ProjectPhase.InPublicNotice,
            Notice = new PublicNotice(date, end, []),
            ValidationVvb = vvb,
            ValidationDue = due,
        };
        return Decision.Ok(next, new ProjectNoticePublished(state.Id, actor, date, vvb, end, due));
    }

    /// <summary>Anyone, including the anonymous public, comments while the notice is open.</summary>
    public static Decision<ProjectState> Comment(ProjectState state, Actor actor, DateOnly date, string text) =>
        NoticeSteps.Comment(state, state.Notice, state.Phase == ProjectPhase.InPublicNotice, actor, date, text,
            (notice, comment) => Decision.Ok(state with { Notice = notice }, new ProjectNoticeCommented(state.Id, actor, date, comment.Number, text)));

    /// <summary>The owner answers a comment, during the notice or afterwards until validation ends.</summary>
    public static Decision<ProjectState> Answer(ProjectState state, Actor actor, DateOnly date, int commentNumber, string answer) =>
        NoticeSteps.Answer(state, Access.Owner(actor, state.Owner), state.Notice,
            state.Phase is ProjectPhase.InPublicNotice or ProjectPhase.NoticeEnded or ProjectPhase.UnderValidation, date, commentNumber, answer,
            notice => Decision.Ok(state with { Notice = notice }, new ProjectCommentAnswered(state.Id, actor, date, commentNumber, answer)));

    /// <summary>
    /// The owner withdraws the PDD while the notice is open. The project is a draft again and may be
    /// published anew (a new 20-working-day notice, a new validation clock); the journal keeps the comments.
    /// </summary>
    public static Decision<ProjectState> Withdraw(ProjectState state, Actor actor, DateOnly date, string reason)
    {
        var status = Access.Owner(actor, state.Owner);
        if (status == LifecycleStatus.Ok && (state.Phase != ProjectPhase.InPublicNotice || state.Notice is null))
        {
            status = LifecycleStatus.InvalidTransition;
        }

        if (status == LifecycleStatus.Ok)
        {
            status = Texts.Check(reason, Texts.ReasonLengthMax);
        }

        if (status == LifecycleStatus.Ok && !state.Notice!.IsOpenOn(date))
        {
            status = LifecycleStatus.NoticeClosed;
        }

        if (status != LifecycleStatus.Ok)
        {
            return Decision.Refuse(status, state);
        }

        var next = state with { Phase = ProjectPhase.Draft, Notice = null, ValidationVvb = null, ValidationDue = null };
        return Decision.Ok(next, new ProjectNoticeWithdrawn(state.Id, actor, date, reason));
    }

    /// <summary>The owner or the registry closes the notice once its last working day has passed.</summary>
    public static Decision<ProjectState> EndNotice(ProjectState state, Actor actor, DateOnly date) =>
        NoticeSteps.AfterNotice(state, Access.OwnerOrAdministrator(actor, state.Owner), state.Notice, state.Phase == ProjectPhase.InPublicNotice, date,
            () => Decision.Ok(state with { Phase = ProjectPhase.NoticeEnded }, new ProjectNoticeEnded(state.Id, actor, date)));

    /// <summary>The VVB named at publication starts validating.</summary>
    public static Decision<ProjectState> StartValidation(ProjectState state, Actor actor, DateOnly date)
    {
        var status = Access.AssignedVvb(actor, state.ValidationVvb);
        if (status == LifecycleStatus.Ok && state.Phase != ProjectPhase.NoticeEnded)
        {
            status = LifecycleStatus.InvalidTransition;
        }

        return status != LifecycleStatus.Ok
            ? Decision.Refuse(status, state)
            : Decision.Ok(state with { Phase = ProjectPhase.UnderValidation }, new ValidationStarted(state.Id, actor, date));
    }

    /// <summary>The validating VVB raises a corrective-action request, numbered from 1.</summary>
    public static Decision<ProjectState> RaiseCorrectiveAction(ProjectState state, Actor actor, DateOnly date, string text)
    {
        var status = ValidatingVvb(state, actor);
        if (status == LifecycleStatus.Ok)
        {
            status = Texts.Check(text, Texts.CommentLengthMax);
        }

        if (status == LifecycleStatus.Ok && state.CorrectiveActions.Count >= ProjectState.CorrectiveActionsMax)
        {
            status = LifecycleStatus.LimitReached;
        }

        if (status != LifecycleStatus.Ok)
        {
            return Decision.Refuse(status, state);
        }

        var request = new CorrectiveActionRequest(state.CorrectiveActions.Count + 1, date, text, null, null);
        return Decision.Ok(
            state with { CorrectiveActions = state.CorrectiveActions.Add(request) },
            new CorrectiveActionRaised(state.Id, actor, date, request.Number, text));
    }

    /// <summary>The validating VVB closes a request once it accepts the owner's correction.</summary>
    public static Decision<ProjectState> CloseCorrectiveAction(ProjectState state, Actor actor, DateOnly date, int number, string resolution)
    {
        var status = ValidatingVvb(state, actor);
        if (status == LifecycleStatus.Ok)
        {
            status = Texts.Check(resolution, Texts.CommentLengthMax);
        }

        if (status == LifecycleStatus.Ok && (number < 1 || number > state.CorrectiveActions.Count))
        {
            status = LifecycleStatus.CorrectiveActionNotFound;
        }

        if (status == LifecycleStatus.Ok && !state.CorrectiveActions[number - 1].IsOpen)
        {
            status = LifecycleStatus.CorrectiveActionAlreadyClosed;
        }

        if (status != LifecycleStatus.Ok)
        {
            return Decision.Refuse(status, state);
        }

        var closed = state.CorrectiveActions[number - 1] with { ClosedOn = date, Resolution = resolution };
        return Decision.Ok(
            state with { CorrectiveActions = state.CorrectiveActions.SetItem(number - 1, closed) },
            new CorrectiveActionClosed(state.Id, actor, date, number, resolution));
    }

    /// <summary>
    /// The validating VVB submits its report. A positive conclusion needs every corrective-action request
    /// closed. A report after the due date is accepted and flagged late: the deadline binds the VVB, and
    /// refusing the report would only hurt the owner.
    /// </summary>
    public static Decision<ProjectState> SubmitValidationReport(ProjectState state, Actor actor, DateOnly date, ValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var status = ValidatingVvb(state, actor);
        if (status == LifecycleStatus.Ok && !Texts.IsSha256(report.DocumentSha256))
        {
            status = LifecycleStatus.DocumentHashInvalid;
        }

        if (status == LifecycleStatus.Ok)
        {
            status = Texts.Check(report.Summary, Texts.CommentLengthMax);
        }

        if (status == LifecycleStatus.Ok && report.Conclusion == ValidationConclusion.Positive && state.HasOpenCorrectiveActions)
        {
            status = LifecycleStatus.CorrectiveActionsOpen;
        }

        if (status != LifecycleStatus.Ok)
        {
            return Decision.Refuse(status, state);
        }

        var phase = report.Conclusion == ValidationConclusion.Positive ? ProjectPhase.Validated : ProjectPhase.ValidationNegative;
        return Decision.Ok(
            state with { Phase = phase, ValidationReport = report },
            new ValidationReported(state.Id, actor, date, report, date > state.ValidationDue));
    }

    private static LifecycleStatus ValidatingVvb(ProjectState state, Actor actor)
    {
        var status = Access.AssignedVvb(actor, state.ValidationVvb);
        return status == LifecycleStatus.Ok && state.Phase != ProjectPhase.UnderValidation
            ? LifecycleStatus.InvalidTransition
            : status;
    }
}
