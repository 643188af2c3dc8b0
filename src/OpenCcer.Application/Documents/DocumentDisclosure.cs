using OpenCcer.Core.Lifecycle;
using OpenCcer.Storage.Documents;

namespace OpenCcer.Application.Documents;

/// <summary>
/// When a document becomes public, computed from the current phase of its project or reduction, so no
/// separate step discloses it:
/// <list type="bullet">
/// <item>design document: once the project has left <see cref="ProjectPhase.Draft"/> (its notice is published);</item>
/// <item>validation report: once the project has left validation (the report is submitted);</item>
/// <item>monitoring report: once the reduction has left <see cref="ReductionPhase.Monitoring"/> and
/// <see cref="ReductionPhase.ReportDrafted"/> (its notice is published);</item>
/// <item>verification report: once the reduction has left verification (the report is submitted);</item>
/// <item>evidence: with its reduction's monitoring report when it names a reduction, else with the design document.</item>
/// </list>
/// A document found disclosed once stays disclosed (<see cref="DocumentRecord.DisclosedAt"/>), even if a
/// withdrawal later returns the project to its draft.
/// </summary>
public static class DocumentDisclosure
{
    public static bool IsDisclosed(DocumentRecord document, ProjectPhase project, ReductionPhase? reduction) =>
        document.DisclosedAt is not null || IsDisclosed(document.Kind, project, reduction);

    public static bool IsDisclosed(DocumentKind kind, ProjectPhase project, ReductionPhase? reduction) => kind switch
    {
        DocumentKind.DesignDocument => project != ProjectPhase.Draft,
        DocumentKind.ValidationReport => project is not (ProjectPhase.Draft or ProjectPhase.InPublicNotice or ProjectPhase.NoticeEnded
            or ProjectPhase.UnderValidation),
        DocumentKind.MonitoringReport => reduction is { } r && MonitoringReportPublished(r),
        DocumentKind.VerificationReport => reduction is { } r && MonitoringReportPublished(r)
            && r is not (ReductionPhase.InPublicNotice or ReductionPhase.UnderVerification),
        DocumentKind.Evidence => reduction is { } r ? MonitoringReportPublished(r) : project != ProjectPhase.Draft,
        _ => false,
    };

    private static bool MonitoringReportPublished(ReductionPhase phase) =>
        phase is not (ReductionPhase.Monitoring or ReductionPhase.ReportDrafted);
}
