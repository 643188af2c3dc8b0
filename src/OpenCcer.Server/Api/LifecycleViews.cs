using OpenCcer.Storage.Lifecycle;

namespace OpenCcer.Server.Api;

/// <summary>What the API shows of projects, reductions and timelines.</summary>
public static class LifecycleViews
{
    public static object Project(ProjectRecord r, DateOnly today) => new
    {
        Id = r.State.Id,
        r.Code,
        r.State.Description.Title,
        r.State.Description.MethodologyCode,
        r.Province,
        r.State.Phase,
        OwnerSubjectId = r.OwnerSubjectId,
        VvbSubjectId = r.VvbSubjectId,
        r.State.Description.ConstructionStart,
        CreditingPeriod = new { r.State.Description.CreditingPeriod.Start, r.State.Description.CreditingPeriod.Years, r.State.Description.CreditingPeriod.End },
        r.State.Notice,
        r.State.ValidationDue,
        ValidationOverdue = r.State.IsValidationOverdue(today),
        r.State.CorrectiveActions,
        r.State.ValidationReport,
        r.State.Application,
        r.State.AppliedOn,
        r.State.ReviewDue,
        ReviewOverdue = r.State.IsReviewOverdue(today),
        r.State.RegisteredOn,
        r.Version,
    };

    public static object Reduction(ReductionRecord r, DateOnly today) => new
    {
        Id = r.State.Id,
        Project = r.State.Project,
        r.State.Phase,
        Period = new { r.State.Period.First, r.State.Period.Last },
        r.State.ClaimedQuantity,
        r.State.ReportSha256,
        r.State.Notice,
        VvbSubjectId = r.VvbSubjectId,
        r.State.VerificationDue,
        VerificationOverdue = r.State.IsVerificationOverdue(today),
        r.State.VerifiedQuantity,
        r.State.VerificationReportSha256,
        r.State.AppliedQuantity,
        r.State.AppliedOn,
        r.State.ReviewDue,
        ReviewOverdue = r.State.IsReviewOverdue(today),
        r.Version,
    };

    public static object Event(LifecycleEventRecord e) => new
    {
        e.Sequence,
        e.Kind,
        e.Date,
        e.ActorRole,
        e.Reason,
        Data = System.Text.Json.JsonDocument.Parse(e.EventJson).RootElement,
        e.RecordedAt,
        e.Hash,
    };
}
