using System.Collections.Immutable;

namespace OpenCcer.Core.Lifecycle;

/// <summary>
/// A public notice (公示) of a project design document or a monitoring report: open from
/// <see cref="Start"/> to <see cref="End"/>, both inclusive, where <see cref="End"/> is the 20th working day
/// counting the start day (M 12, 19). Anyone may comment while it is open.
/// </summary>
public sealed record PublicNotice(DateOnly Start, DateOnly End, ImmutableList<NoticeComment> Comments)
{
    /// <summary>Length of every public notice in working days (M 12, 19).</summary>
    public const int WorkingDays = 20;

    /// <summary>Comments kept per notice; a bound on what one notice can grow to.</summary>
    public const int CommentsMax = 10_000;

    public bool IsOpenOn(DateOnly date) => Start <= date && date <= End;

    public bool IsOverOn(DateOnly date) => date > End;

    internal (LifecycleStatus Status, PublicNotice Notice, NoticeComment? Comment) AddComment(Actor author, DateOnly date, string text)
    {
        if (!IsOpenOn(date))
        {
            return (LifecycleStatus.NoticeClosed, this, null);
        }

        var textStatus = Texts.Check(text, Texts.CommentLengthMax);
        if (textStatus != LifecycleStatus.Ok)
        {
            return (textStatus, this, null);
        }

        if (Comments.Count >= CommentsMax)
        {
            return (LifecycleStatus.LimitReached, this, null);
        }

        var comment = new NoticeComment(Comments.Count + 1, author, date, text, null, null);
        return (LifecycleStatus.Ok, this with { Comments = Comments.Add(comment) }, comment);
    }

    internal (LifecycleStatus Status, PublicNotice Notice) AnswerComment(int number, DateOnly date, string answer)
    {
        if (number < 1 || number > Comments.Count)
        {
            return (LifecycleStatus.CommentNotFound, this);
        }

        var comment = Comments[number - 1];
        if (comment.IsAnswered)
        {
            return (LifecycleStatus.CommentAlreadyAnswered, this);
        }

        var textStatus = Texts.Check(answer, Texts.CommentLengthMax);
        if (textStatus != LifecycleStatus.Ok)
        {
            return (textStatus, this);
        }

        return (LifecycleStatus.Ok, this with { Comments = Comments.SetItem(number - 1, comment with { Answer = answer, AnsweredOn = date }) });
    }
}
