using OpenCcer.Application.Documents;
using OpenCcer.Storage.Documents;

namespace OpenCcer.Server.Api;

/// <summary>What the API shows of a document: its metadata and SHA-256, never its bytes.</summary>
public static class DocumentViews
{
    public static object Document(VisibleDocument v) => Document(v.Document, v.Disclosed);

    public static object Document(DocumentRecord d, bool disclosed) => new
    {
        Id = d.Id.ToString(),
        ProjectId = d.Project.ToString(),
        ReductionId = d.Reduction?.ToString(),
        d.Kind,
        d.FileName,
        d.ContentType,
        d.SizeBytes,
        d.Sha256,
        UploadedBy = new { SubjectId = d.UploadedBySubject, Role = d.UploadedByRole },
        d.UploadedAt,
        Disclosed = disclosed,
        d.DisclosedAt,
        ContentUrl = $"/api/v1/documents/{d.Id}/content",
    };
}
