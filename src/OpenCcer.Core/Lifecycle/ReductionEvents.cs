using OpenCcer.Core.Primitives;

namespace OpenCcer.Core.Lifecycle;

// The reduction's journal events live together: each is a one-line record and they read best as a list.

/// <summary>An event of one monitoring period's reductions.</summary>
public abstract record ReductionEvent(ReductionId Reduction, ProjectId Project, Actor Actor, DateOnly Date, string? Reason)
    : LifecycleEvent(Actor, Date, Reason);

public sealed record MonitoringStarted(ReductionId Reduction, ProjectId Project, Actor Actor, DateOnly Date, MonitoringPeriod Period)
    : ReductionEvent(Reduction, Project, Actor, Date, null);

public sealed record MonitoringReportDrafted(ReductionId Reduction, ProjectId Project, Actor Actor, DateOnly Date, Tonnes ClaimedQuantity, string ReportSha256)
    : ReductionEvent(Reduction, Project, Actor, Date, null);

public sealed record ReductionNoticePublished(ReductionId Reduction, ProjectId Project, Actor Actor, DateOnly Date, OrganisationId Vvb, DateOnly NoticeEnd, DateOnly VerificationDue)
    : ReductionEvent(Reduction, Project, Actor, Date, null);

public sealed record ReductionNoticeCommented(ReductionId Reduction, ProjectId Project, Actor Actor, DateOnly Date, int CommentNumber, string Text)
    : ReductionEvent(Reduction, Project, Actor, Date, null);

public sealed record ReductionCommentAnswered(ReductionId Reduction, ProjectId Project, Actor Actor, DateOnly Date, int CommentNumber, string Answer)
    : ReductionEvent(Reduction, Project, Actor, Date, null);

public sealed record VerificationStarted(ReductionId Reduction, ProjectId Project, Actor Actor, DateOnly Date)
    : ReductionEvent(Reduction, Project, Actor, Date, null);

/// <summary>The verification report; <see cref="Late"/> when submitted after the verification due date.</summary>
public sealed record VerificationReported(ReductionId Reduction, ProjectId Project, Actor Actor, DateOnly Date, Tonnes VerifiedQuantity, string ReportSha256, bool Late)
    : ReductionEvent(Reduction, Project, Actor, Date, null);

public sealed record ReductionApplied(ReductionId Reduction, ProjectId Project, Actor Actor, DateOnly Date, Tonnes Quantity, DateOnly ReviewDue)
    : ReductionEvent(Reduction, Project, Actor, Date, null);

public sealed record ReductionReviewStarted(ReductionId Reduction, ProjectId Project, Actor Actor, DateOnly Date)
    : ReductionEvent(Reduction, Project, Actor, Date, null);

/// <summary>Registered; <see cref="Late"/> when decided after the review due date.</summary>
public sealed record ReductionRegistered(ReductionId Reduction, ProjectId Project, Actor Actor, DateOnly Date, bool Late)
    : ReductionEvent(Reduction, Project, Actor, Date, null);

/// <summary>Rejected (terminal); the period no longer blocks a new one. <see cref="Late"/> as for registration.</summary>
public sealed record ReductionRejected(ReductionId Reduction, ProjectId Project, Actor Actor, DateOnly Date, string Reason, bool Late)
    : ReductionEvent(Reduction, Project, Actor, Date, Reason);

public sealed record ReductionIssued(ReductionId Reduction, ProjectId Project, Actor Actor, DateOnly Date, Tonnes Quantity)
    : ReductionEvent(Reduction, Project, Actor, Date, null);

/// <summary>
/// Tells the registry ledger to issue <see cref="Quantity"/> units of vintage <see cref="Vintage"/> of the
/// project into the owner's registry account. One per vintage year; together they sum to the issued quantity.
/// </summary>
public sealed record IssuanceRequested(
    ReductionId Reduction, ProjectId Project, Actor Actor, DateOnly Date, OrganisationId Owner, MonitoringPeriod Period, Tonnes Quantity, int Vintage)
    : ReductionEvent(Reduction, Project, Actor, Date, null);
