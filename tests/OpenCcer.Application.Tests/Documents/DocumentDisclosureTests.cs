using OpenCcer.Application.Documents;
using OpenCcer.Core.Lifecycle;
using OpenCcer.Storage.Documents;

namespace OpenCcer.Application.Tests.Documents;

/// <summary>When each kind of document becomes public, from the phase of its project or reduction.</summary>
public sealed class DocumentDisclosureTests
{
    public static TheoryData<DocumentKind, ProjectPhase, ReductionPhase?, bool> Cases => new()
    {
        { DocumentKind.DesignDocument, ProjectPhase.Draft, null, false },
        { DocumentKind.DesignDocument, ProjectPhase.InPublicNotice, null, true },
        { DocumentKind.DesignDocument, ProjectPhase.Registered, null, true },
        { DocumentKind.ValidationReport, ProjectPhase.UnderValidation, null, false },
        { DocumentKind.ValidationReport, ProjectPhase.Validated, null, true },
        { DocumentKind.ValidationReport, ProjectPhase.ValidationNegative, null, true },
        { DocumentKind.MonitoringReport, ProjectPhase.Registered, ReductionPhase.Monitoring, false },
        { DocumentKind.MonitoringReport, ProjectPhase.Registered, ReductionPhase.ReportDrafted, false },
        { DocumentKind.MonitoringReport, ProjectPhase.Registered, ReductionPhase.InPublicNotice, true },
        { DocumentKind.MonitoringReport, ProjectPhase.Registered, null, false },
        { DocumentKind.VerificationReport, ProjectPhase.Registered, ReductionPhase.UnderVerification, false },
        { DocumentKind.VerificationReport, ProjectPhase.Registered, ReductionPhase.Verified, true },
        { DocumentKind.VerificationReport, ProjectPhase.Registered, ReductionPhase.Issued, true },
        { DocumentKind.Evidence, ProjectPhase.Draft, null, false },
        { DocumentKind.Evidence, ProjectPhase.InPublicNotice, null, true },
        { DocumentKind.Evidence, ProjectPhase.Registered, ReductionPhase.ReportDrafted, false },
        { DocumentKind.Evidence, ProjectPhase.Registered, ReductionPhase.InPublicNotice, true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void a_document_is_disclosed_once_its_project_or_reduction_has_passed_the_phase_that_publishes_it(
        DocumentKind kind, ProjectPhase project, ReductionPhase? reduction, bool disclosed) =>
        Assert.Equal(disclosed, DocumentDisclosure.IsDisclosed(kind, project, reduction));

    [Fact]
    public void a_document_marked_disclosed_stays_disclosed_after_its_project_returns_to_draft()
    {
        var d = new DocumentRecord(new DocumentId(Guid.NewGuid()), new ProjectId(Guid.NewGuid()), null, DocumentKind.DesignDocument, "a.pdf",
            "application/pdf", 1, new string('0', 64), "S", "project-owner", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
        Assert.True(DocumentDisclosure.IsDisclosed(d, ProjectPhase.Draft, null));
        Assert.False(DocumentDisclosure.IsDisclosed(d with { DisclosedAt = null }, ProjectPhase.Draft, null));
    }
}
