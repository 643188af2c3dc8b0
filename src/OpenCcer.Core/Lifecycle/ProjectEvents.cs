namespace OpenCcer.Core.Lifecycle;

// The project's journal events live together: each is a one-line record and they read best as a list.

/// <summary>An event of one project's lifecycle.</summary>
public abstract record ProjectEvent(ProjectId Project, Actor Actor, DateOnly Date, string? Reason) : LifecycleEvent(Actor, Date, Reason);

public sealed record ProjectDrafted(ProjectId Project, Actor Actor, DateOnly Date, ProjectDescription Description)
    : ProjectEvent(Project, Actor, Date, null);

/// <summary>The PDD is published: notice from <see cref="ProjectEvent.Date"/> to <see cref="NoticeEnd"/> inclusive.</summary>
public sealed record ProjectNoticePublished(ProjectId Project, Actor Actor, DateOnly Date, OrganisationId Vvb, DateOnly NoticeEnd, DateOnly ValidationDue)
    : ProjectEvent(Project, Actor, Date, null);

public sealed record ProjectNoticeCommented(ProjectId Project, Actor Actor, DateOnly Date, int CommentNumber, string Text)
    : ProjectEvent(Project, Actor, Date, null);

public sealed record ProjectCommentAnswered(ProjectId Project, Actor Actor, DateOnly Date, int CommentNumber, string Answer)
    : ProjectEvent(Project, Actor, Date, null);

/// <summary>The owner withdrew the notice; the project is a draft again.</summary>
public sealed record ProjectNoticeWithdrawn(ProjectId Project, Actor Actor, DateOnly Date, string Reason)
    : ProjectEvent(Project, Actor, Date, Reason);

public sealed record ProjectNoticeEnded(ProjectId Project, Actor Actor, DateOnly Date)
    : ProjectEvent(Project, Actor, Date, null);

public sealed record ValidationStarted(ProjectId Project, Actor Actor, DateOnly Date)
    : ProjectEvent(Project, Actor, Date, null);

public sealed record CorrectiveActionRaised(ProjectId Project, Actor Actor, DateOnly Date, int Number, string Text)
    : ProjectEvent(Project, Actor, Date, null);

public sealed record CorrectiveActionClosed(ProjectId Project, Actor Actor, DateOnly Date, int Number, string Resolution)
    : ProjectEvent(Project, Actor, Date, null);

/// <summary>The validation report; <see cref="Late"/> when submitted after the validation due date.</summary>
public sealed record ValidationReported(ProjectId Project, Actor Actor, DateOnly Date, ValidationReport Report, bool Late)
    : ProjectEvent(Project, Actor, Date, null);

public sealed record ProjectApplied(ProjectId Project, Actor Actor, DateOnly Date, ProjectApplication Application, DateOnly ReviewDue)
    : ProjectEvent(Project, Actor, Date, null);

public sealed record ProjectReviewStarted(ProjectId Project, Actor Actor, DateOnly Date)
    : ProjectEvent(Project, Actor, Date, null);

/// <summary>Registered; <see cref="Late"/> when decided after the review due date.</summary>
public sealed record ProjectRegistered(ProjectId Project, Actor Actor, DateOnly Date, bool Late)
    : ProjectEvent(Project, Actor, Date, null);

/// <summary>Rejected; the owner may apply again. <see cref="Late"/> when decided after the review due date.</summary>
public sealed record ProjectRejected(ProjectId Project, Actor Actor, DateOnly Date, string Reason, bool Late)
    : ProjectEvent(Project, Actor, Date, Reason);

public sealed record ProjectDeregistered(ProjectId Project, Actor Actor, DateOnly Date, string Reason)
    : ProjectEvent(Project, Actor, Date, Reason);

public sealed record ProjectRevoked(ProjectId Project, Actor Actor, DateOnly Date, string Reason)
    : ProjectEvent(Project, Actor, Date, Reason);

/// <summary>The owner of a revoked project may not apply for registration until <see cref="ApplicationBan.Until"/>.</summary>
public sealed record ApplicationBanImposed(ProjectId Project, Actor Actor, DateOnly Date, ApplicationBan Ban)
    : ProjectEvent(Project, Actor, Date, "project revoked");
