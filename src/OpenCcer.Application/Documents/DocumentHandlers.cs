using OpenCcer.Core.Lifecycle;
using OpenCcer.Storage;
using OpenCcer.Storage.Documents;
using OpenCcer.Storage.Lifecycle;

namespace OpenCcer.Application.Documents;

/// <summary>
/// Documents of projects and reductions, for the API and the portal alike: uploaded by those
/// <see cref="DocumentRights"/> allows, type-checked by their bytes (<see cref="DocumentTypes"/>),
/// size- and count-limited (<see cref="DocumentLimits"/>), stored with their SHA-256. The public sees a
/// document once it is disclosed (<see cref="DocumentDisclosure"/>); until then it is not found for anyone
/// but the owner, its VVBs, the registry and the regulator, so its existence is not revealed.
/// </summary>
public sealed class DocumentHandlers(LedgerStore store, TimeProvider time, DocumentLimits limits)
{
    /// <summary>Reads the upload from the door's request; called only once the caller may upload to the project.</summary>
    public delegate Task<Outcome<DocumentUpload>> ReadUpload(CancellationToken ct);

    public DocumentLimits Limits => limits;

    /// <summary>Stores an uploaded document of a project, or of one of its reductions.</summary>
    public async Task<Outcome<VisibleDocument>> UploadAsync(Caller caller, Guid projectId, ReadUpload read, CancellationToken ct = default)
    {
        var project = await store.Lifecycle.ProjectAsync(new ProjectId(projectId), ct);
        if (project is null) return Refusals.NotFound($"No project {projectId}.");
        var reductions = await store.Lifecycle.ReductionsOfProjectAsync(project.State.Id, ct);
        // Before the body is read: a stranger's upload is refused without reading it.
        if (!DocumentRights.MayUploadTo(caller, project, reductions)) return DocumentRights.NotOwnerOrVvb;

        var received = await read(ct);
        if (!received.IsOk) return received.Refusal!;
        var upload = received.Value!;
        var r = new Fields();
        var kind = r.Enum<DocumentKind>("kind", upload.Kind);
        Guid? reductionId = null;
        if (upload.ReductionId is { } text)
        {
            if (Guid.TryParse(text, out var g)) reductionId = g;
            else r.Fail("reduction_id", "A reduction id (UUID).");
        }
        if (upload.Content is null || upload.FileName is null) r.Fail("file", "Required: the document as a file part.");
        else if (upload.Content.Length == 0) r.Fail("file", "The file is empty.");
        if (kind is DocumentKind.MonitoringReport or DocumentKind.VerificationReport && reductionId is null && !r.HasErrors)
            r.Fail("reduction_id", "Required for monitoring and verification reports.");
        if (kind is DocumentKind.DesignDocument or DocumentKind.ValidationReport && reductionId is not null)
            r.Fail("reduction_id", "Design documents and validation reports belong to the project, not to a reduction.");
        if (r.HasErrors) return r.Refusal();

        var reduction = reductionId is { } rid ? reductions.FirstOrDefault(x => x.State.Id.Value == rid) : null;
        if (reductionId is not null && reduction is null) return Refusals.NotFound($"No reduction {reductionId} of project {projectId}.");
        if (!DocumentRights.MayUpload(caller, kind, project, reduction)) return DocumentRights.NotYours(kind);
        var content = upload.Content!;
        var contentType = DocumentTypes.Sniff(content, upload.FileName!);
        if (contentType is null) return DocumentRefusals.UnsupportedType();

        var now = time.GetUtcNow();
        var document = new DocumentRecord(new DocumentId(Guid.CreateVersion7(now)), project.State.Id, reduction?.State.Id, kind, upload.FileName!,
            contentType, content.Length, DocumentStore.Sha256Hex(content), caller.SubjectId!, caller.RoleName, now, null);
        if (await store.Documents.SaveDocumentAsync(document, content, limits.PerProjectMax, ct) == DocumentSaveOutcome.LimitReached)
            return DocumentRefusals.LimitReached(limits);
        return new VisibleDocument(document, DocumentDisclosure.IsDisclosed(document, project.State.Phase, reduction?.State.Phase));
    }

    /// <summary>The documents of a project the caller may see: disclosed ones, or all for the owner, its VVBs, the registry and the regulator.</summary>
    public async Task<Outcome<IReadOnlyList<VisibleDocument>>> ListAsync(Caller caller, Guid projectId, CancellationToken ct = default)
    {
        var project = await store.Lifecycle.ProjectAsync(new ProjectId(projectId), ct);
        if (project is null) return Refusals.NotFound($"No project {projectId}.");
        var reductions = await store.Lifecycle.ReductionsOfProjectAsync(project.State.Id, ct);
        var privileged = DocumentRights.MaySeeUndisclosed(caller, project, reductions);
        var visible = new List<VisibleDocument>();
        foreach (var d in await store.Documents.DocumentsOfProjectAsync(project.State.Id, ct))
        {
            var shown = await DiscloseAsync(d, project, reductions.FirstOrDefault(x => x.State.Id == d.Reduction), ct);
            if (shown.Disclosed || privileged) visible.Add(shown);
        }
        return visible;
    }

    /// <summary>One document's metadata, when the caller may see it.</summary>
    public async Task<Outcome<VisibleDocument>> GetAsync(Caller caller, Guid id, CancellationToken ct = default) =>
        await VisibleAsync(caller, id, ct) is { } visible ? visible : Refusals.NotFound($"No document {id}.");

    /// <summary>One document's bytes, when the caller may see it.</summary>
    public async Task<Outcome<DocumentContent>> ContentAsync(Caller caller, Guid id, CancellationToken ct = default)
    {
        if (await VisibleAsync(caller, id, ct) is not { } visible) return Refusals.NotFound($"No document {id}.");
        var bytes = await store.Documents.DocumentContentAsync(visible.Document.Sha256, ct)
            ?? throw new InvalidOperationException($"Document {id} has no content with hash {visible.Document.Sha256}.");
        return new DocumentContent(visible, bytes);
    }

    private async Task<VisibleDocument?> VisibleAsync(Caller caller, Guid id, CancellationToken ct)
    {
        var document = await store.Documents.DocumentAsync(new DocumentId(id), ct);
        if (document is null) return null;
        var project = await store.Lifecycle.ProjectAsync(document.Project, ct)
            ?? throw new InvalidOperationException($"Document {id} has no project.");
        var reductions = await store.Lifecycle.ReductionsOfProjectAsync(project.State.Id, ct);
        var shown = await DiscloseAsync(document, project, reductions.FirstOrDefault(x => x.State.Id == document.Reduction), ct);
        return shown.Disclosed || DocumentRights.MaySeeUndisclosed(caller, project, reductions) ? shown : null;
    }

    /// <summary>Whether the document is disclosed; the first time it is found so, the time is recorded and it stays disclosed.</summary>
    private async Task<VisibleDocument> DiscloseAsync(DocumentRecord d, ProjectRecord project, ReductionRecord? reduction, CancellationToken ct)
    {
        if (!DocumentDisclosure.IsDisclosed(d, project.State.Phase, reduction?.State.Phase)) return new VisibleDocument(d, false);
        if (d.DisclosedAt is not null) return new VisibleDocument(d, true);
        var now = time.GetUtcNow();
        await store.Documents.MarkDocumentDisclosedAsync(d.Id, now, ct);
        return new VisibleDocument(d with { DisclosedAt = now }, true);
    }
}
