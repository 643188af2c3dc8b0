namespace OpenCcer.Core.Lifecycle;

/// <summary>
/// The public-notice steps that projects (M 12) and reductions (M 19) share: commenting, answering a
/// comment, and the step that needs the notice to be over. Each lifecycle passes its access check, whether
/// its phase allows the step, and how the step changes its state; the checks and their order live here
/// once. A refusal returns the state passed in.
/// </summary>
internal static class NoticeSteps
{
    /// <summary>Anyone, including the anonymous public, comments while the notice is open.</summary>
    internal static Decision<TState> Comment<TState>(
        TState state, PublicNotice? notice, bool phaseAllows, Actor actor, DateOnly date, string text,
        Func<PublicNotice, NoticeComment, Decision<TState>> commented)
    {
        if (!phaseAllows || notice is null)
        {
            return Decision.Refuse(LifecycleStatus.InvalidTransition, state);
        }

        var (status, next, comment) = notice.AddComment(actor, date, text);
        return status != LifecycleStatus.Ok ? Decision.Refuse(status, state) : commented(next, comment!);
    }

    /// <summary>The owner (checked by <paramref name="access"/>) answers comment <paramref name="commentNumber"/>.</summary>
    internal static Decision<TState> Answer<TState>(
        TState state, LifecycleStatus access, PublicNotice? notice, bool phaseAllows, DateOnly date, int commentNumber, string answer,
        Func<PublicNotice, Decision<TState>> answered)
    {
        var status = access;
        if (status == LifecycleStatus.Ok && (notice is null || !phaseAllows))
        {
            status = LifecycleStatus.InvalidTransition;
        }

        if (status != LifecycleStatus.Ok)
        {
            return Decision.Refuse(status, state);
        }

        (status, var next) = notice!.AnswerComment(commentNumber, date, answer);
        return status != LifecycleStatus.Ok ? Decision.Refuse(status, state) : answered(next);
    }

    /// <summary>A step allowed only in the notice phase and only once the notice's last day has passed.</summary>
    internal static Decision<TState> AfterNotice<TState>(
        TState state, LifecycleStatus access, PublicNotice? notice, bool inNoticePhase, DateOnly date,
        Func<Decision<TState>> step)
    {
        var status = access;
        if (status == LifecycleStatus.Ok && (!inNoticePhase || notice is null))
        {
            status = LifecycleStatus.InvalidTransition;
        }

        if (status == LifecycleStatus.Ok && !notice!.IsOverOn(date))
        {
            status = LifecycleStatus.NoticePeriodNotOver;
        }

        return status != LifecycleStatus.Ok ? Decision.Refuse(status, state) : step();
    }
}
