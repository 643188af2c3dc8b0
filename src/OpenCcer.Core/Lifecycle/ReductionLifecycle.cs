using OpenCcer.Core.Calendar;
using OpenCcer.Core.Primitives;

namespace OpenCcer.Core.Lifecycle;

/// <summary>
/// The reduction lifecycle (M 17-22) as pure functions, one per transition, like <see cref="ProjectLifecycle"/>:
/// checks run in the order of <see cref="LifecycleStatus"/>; a refusal returns the same state instance and
/// no events. Where a rule needs the project or its other reductions, the caller passes them in.
/// </summary>
public static partial class ReductionLifecycle
{
    /// <summary>
    /// The owner of a registered project opens a monitoring period, checked by
    /// <see cref="ReductionEligibility.CheckPeriod"/>. Refusals return a null state.
    /// </summary>
    public static Decision<ReductionState?> StartMonitoring(
        ProjectState project, Actor actor, DateOnly date, ReductionId id, MonitoringPeriod period, IEnumerable<ReductionState> projectReductions)
    {
        ArgumentNullException.ThrowIfNull(project);
        var status = Access.Owner(actor, project.Owner);
        if (status == LifecycleStatus.Ok)
        {
            status = ReductionEligibility.CheckPeriod(project, id, period, projectReductions);
        }

        if (status != LifecycleStatus.Ok)
        {
            return Decision.Refuse<ReductionState?>(status, null);
        }

        var state = new ReductionState { Id = id, Project = project.Id, Owner = project.Owner, Phase = ReductionPhase.Monitoring, Period = period };
        return Decision.Ok<ReductionState?>(state, new MonitoringStarted(id, project.Id, actor, date, period));
    }

    /// <summary>The owner drafts the monitoring report once the period is over, claiming a quantity.</summary>
    public static Decision<ReductionState> DraftReport(ReductionState state, Actor actor, DateOnly date, Tonnes claimed, string reportSha256)
    {
        var status = OwnerIn(state, actor, ReductionPhase.Monitoring);
        if (status == LifecycleStatus.Ok && !Texts.IsSha256(reportSha256))
        {
            status = LifecycleStatus.DocumentHashInvalid;
        }

        if (status == LifecycleStatus.Ok && !claimed.IsPositive)
        {
            status = LifecycleStatus.QuantityNotPositive;
        }

        if (status == LifecycleStatus.Ok && date <= state.Period.Last)
        {
            status = LifecycleStatus.PeriodNotOver;
        }

        return status != LifecycleStatus.Ok
            ? Decision.Refuse(status, state)
            : Decision.Ok(
                state with { Phase = ReductionPhase.ReportDrafted, ClaimedQuantity = claimed, ReportSha256 = reportSha256 },
                new MonitoringReportDrafted(state.Id, state.Project, actor, date, claimed, reportSha256));
    }

    /// <summary>
    /// The owner publishes the monitoring report for 20 working days counting <paramref name="date"/> (M 19)
    /// and names the verifying VVB, which may not be the one that validated the project (M 18).
    /// </summary>
    public static Decision<ReductionState> Publish(
        ReductionState state, ProjectState project, Actor actor, DateOnly date, OrganisationId vvb, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        RequireProject(state, project);
        var status = OwnerIn(state, actor, ReductionPhase.ReportDrafted);
        if (status == LifecycleStatus.Ok && (vvb == state.Owner || vvb.IsNone))
        {
            status = LifecycleStatus.VvbIsOwner;
        }

        if (status == LifecycleStatus.Ok && !calendar.TryNoticeEnd(date, PublicNotice.WorkingDays, out _, out _))
        {
            status = LifecycleStatus.CalendarYearUnknown;
        }

        if (status == LifecycleStatus.Ok && vvb == project.ValidationVvb)
        {
            status = LifecycleStatus.SameVvbAsValidation;
        }

        if (status != LifecycleStatus.Ok)
        {
            return Decision.Refuse(status, state);
        }

        var end = calendar.NoticeEnd(date, PublicNotice.WorkingDays);
        var due = date.AddDays(ReductionState.VerificationDaysMax);
        var next = state with { Phase = ReductionPhase.InPublicNotice, Notice = new PublicNotice(date, end, []), VerificationVvb = vvb, VerificationDue = due };
        return Decision.Ok(next, new ReductionNoticePublished(state.Id, state.Project, actor, date, vvb, end, due));
    }

    /// <summary>Anyone, including the anonymous public, comments while the notice is open.</summary>
    public static Decision<ReductionState> Comment(ReductionState state, Actor actor, DateOnly date, string text) =>
        NoticeSteps.Comment(state, state.Notice, state.Phase == ReductionPhase.InPublicNotice, actor, date, text,
            (notice, comment) => Decision.Ok(state with { Notice = notice },
                new ReductionNoticeCommented(state.Id, state.Project, actor, date, comment.Number, text)));

    /// <summary>The owner answers a comment, during the notice or the verification.</summary>
    public static Decision<ReductionState> Answer(ReductionState state, Actor actor, DateOnly date, int commentNumber, string answer) =>
        NoticeSteps.Answer(state, Access.Owner(actor, state.Owner), state.Notice,
            state.Phase is ReductionPhase.InPublicNotice or ReductionPhase.UnderVerification, date, commentNumber, answer,
            notice => Decision.Ok(state with { Notice = notice },
                new ReductionCommentAnswered(state.Id, state.Project, actor, date, commentNumber, answer)));

    /// <summary>The VVB named at publication starts verifying once the notice is over.</summary>
    public static Decision<ReductionState> StartVerification(ReductionState state, Actor actor, DateOnly date) =>
        NoticeSteps.AfterNotice(state, Access.AssignedVvb(actor, state.VerificationVvb), state.Notice, state.Phase == ReductionPhase.InPublicNotice, date,
            () => Decision.Ok(state with { Phase = ReductionPhase.UnderVerification },
                new VerificationStarted(state.Id, state.Project, actor, date)));

    /// <summary>
    /// The verifying VVB fixes the verified quantity. A report after the due date is accepted and flagged
    /// late, as for validation.
    /// </summary>
    public static Decision<ReductionState> SubmitVerificationReport(ReductionState state, Actor actor, DateOnly date, Tonnes verified, string reportSha256)
    {
        var status = Access.AssignedVvb(actor, state.VerificationVvb);
        if (status == LifecycleStatus.Ok && state.Phase != ReductionPhase.UnderVerification)
        {
            status = LifecycleStatus.InvalidTransition;
        }

        if (status == LifecycleStatus.Ok && !Texts.IsSha256(reportSha256))
        {
            status = LifecycleStatus.DocumentHashInvalid;
        }

        if (status == LifecycleStatus.Ok && !verified.IsPositive)
        {
            status = LifecycleStatus.QuantityNotPositive;
        }

        return status != LifecycleStatus.Ok
            ? Decision.Refuse(status, state)
            : Decision.Ok(
                state with { Phase = ReductionPhase.Verified, VerifiedQuantity = verified, VerificationReportSha256 = reportSha256 },
                new VerificationReported(state.Id, state.Project, actor, date, verified, reportSha256, date > state.VerificationDue));
    }

    private static LifecycleStatus OwnerIn(ReductionState state, Actor actor, ReductionPhase phase)
    {
        var status = Access.Owner(actor, state.Owner);
        return status == LifecycleStatus.Ok && state.Phase != phase ? LifecycleStatus.InvalidTransition : status;
    }

    private static void RequireProject(ReductionState state, ProjectState project)
    {
        ArgumentNullException.ThrowIfNull(project);
        if (project.Id != state.Project)
        {
            throw new ArgumentException($"Project {project.Id} passed for a reduction of project {state.Project}.", nameof(project));
        }
    }
}
