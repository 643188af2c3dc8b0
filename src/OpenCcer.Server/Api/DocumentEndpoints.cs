using Microsoft.Net.Http.Headers;
using OpenCcer.Application;
using OpenCcer.Core.Lifecycle;
using OpenCcer.Server.Documents;
using OpenCcer.Storage;
using OpenCcer.Storage.Documents;
using OpenCcer.Storage.Lifecycle;

namespace OpenCcer.Server.Api;

/// <summary>
/// Documents of projects and reductions: uploaded by the project owner (design documents, monitoring
/// reports, evidence) or by the VVB named for the work (validation and verification reports), type-checked
/// by their bytes, size-limited, stored with their SHA-256. The public sees a document once it is
/// disclosed (<see cref="DocumentDisclosure"/>); until then it is a 404 to anyone but the owner, its VVBs,
/// the registry and the regulator, so its existence is not revealed.
/// </summary>
public static class DocumentEndpoints
{
    public static IEndpointRouteBuilder MapDocumentEndpoints(this IEndpointRouteBuilder app)
    {
        var limits = DocumentLimits.From(app.ServiceProvider.GetRequiredService<IConfiguration>());
        var pub = app.MapGroup("/api/v1").WithTags("Documents").AllowAnonymous();
        pub.MapGet("/projects/{id:guid}/documents", List)
            .WithSummary("The documents of a project with their SHA-256: disclosed ones for the public, all for the owner, its VVBs, the registry and the regulator.");
        pub.MapGet("/documents/{id:guid}", Get).WithSummary("A document's metadata and SHA-256.");
        pub.MapGet("/documents/{id:guid}/content", Content).WithSummary("Download a document's bytes; the ETag is its SHA-256.");

        var api = app.MapGroup("/api/v1").WithTags("Documents").RequireAuthorization(RegistryEndpoints.ReaderPolicy);
        api.MapPost("/projects/{id:guid}/documents", (HttpContext h, LedgerStore s, TimeProvider t, Guid id) => Upload(h, s, t, limits, id))
            .WithSummary($"Upload a document as multipart/form-data (kind, reduction_id, file); at most {limits.SizeMaxBytes} bytes, "
                + $"{limits.PerProjectMax} per project, types {DocumentTypes.Allowed} checked by their bytes.");
        return app;
    }

    private static async Task<IResult> Upload(HttpContext http, LedgerStore store, TimeProvider time, DocumentLimits limits, Guid id)
    {
        var ct = http.RequestAborted;
        var project = await store.ProjectAsync(new ProjectId(id), ct);
        if (project is null) return Problems.NotFound($"No project {id}.");
        var caller = Caller.Of(http.User);
        var reductions = await store.ReductionsOfProjectAsync(project.State.Id, ct);
        if (!IsOwner(caller, project) && !IsVvbOf(caller, project, reductions))
            return Problems.Forbidden("Only the project's owner, or a VVB named on it, uploads its documents.");

        var (upload, problem) = await DocumentUploadReader.ReadAsync(http.Request, limits, ct);
        if (problem is not null) return problem;
        var r = new Fields();
        var kind = r.Enum<DocumentKind>("kind", upload!.Kind);
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
        if (r.HasErrors) return r.Refusal().ToProblem();

        var reduction = reductionId is { } rid ? reductions.FirstOrDefault(x => x.State.Id.Value == rid) : null;
        if (reductionId is not null && reduction is null) return Problems.NotFound($"No reduction {reductionId} of project {id}.");
        if (!MayUpload(caller, kind, project, reduction))
            return Problems.Forbidden(kind switch
            {
                DocumentKind.ValidationReport => "Only the VVB named to validate the project uploads its validation report.",
                DocumentKind.VerificationReport => "Only the VVB named to verify the reduction uploads its verification report.",
                _ => "Only the project's owner uploads design documents, monitoring reports and evidence.",
            });
        var contentType = DocumentTypes.Sniff(upload.Content!, upload.FileName!);
        if (contentType is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported file type.",
                type: "/problems/unsupported-media-type",
                detail: $"Accepted: {DocumentTypes.Allowed}, and the file's bytes must be of the type its name ends with.");

        var now = time.GetUtcNow();
        var document = new DocumentRecord(new DocumentId(Guid.CreateVersion7(now)), project.State.Id, reduction?.State.Id, kind, upload.FileName!,
            contentType, upload.Content!.Length, LedgerStore.Sha256Hex(upload.Content), caller.SubjectId!, caller.RoleName, now, null);
        if (await store.SaveDocumentAsync(document, upload.Content, limits.PerProjectMax, ct) == DocumentSaveOutcome.LimitReached)
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Document limit reached.", type: "/problems/limit-reached",
                detail: $"A project holds at most {limits.PerProjectMax} documents.",
                extensions: new Dictionary<string, object?> { ["per_project_max"] = limits.PerProjectMax });
        var disclosed = DocumentDisclosure.IsDisclosed(document, project.State.Phase, reduction?.State.Phase);
        return TypedResults.Created($"/api/v1/documents/{document.Id}", DocumentViews.Document(document, disclosed));
    }

    private static async Task<IResult> List(HttpContext http, LedgerStore store, TimeProvider time, Guid id)
    {
        var ct = http.RequestAborted;
        var project = await store.ProjectAsync(new ProjectId(id), ct);
        if (project is null) return Problems.NotFound($"No project {id}.");
        var reductions = await store.ReductionsOfProjectAsync(project.State.Id, ct);
        var privileged = MaySeeUndisclosed(Caller.Of(http.User), project, reductions);
        var views = new List<object>();
        foreach (var d in await store.DocumentsOfProjectAsync(project.State.Id, ct))
        {
            var reduction = reductions.FirstOrDefault(x => x.State.Id == d.Reduction);
            var (shown, disclosed) = await DiscloseAsync(store, time, d, project, reduction, ct);
            if (disclosed || privileged) views.Add(DocumentViews.Document(shown, disclosed));
        }
        return TypedResults.Ok(views);
    }

    private static async Task<IResult> Get(HttpContext http, LedgerStore store, TimeProvider time, Guid id)
    {
        var (document, disclosed) = await VisibleAsync(http, store, time, id);
        return document is null ? Problems.NotFound($"No document {id}.") : TypedResults.Ok(DocumentViews.Document(document, disclosed));
    }

    private static async Task<IResult> Content(HttpContext http, LedgerStore store, TimeProvider time, Guid id)
    {
        var (document, _) = await VisibleAsync(http, store, time, id);
        if (document is null) return Problems.NotFound($"No document {id}.");
        var bytes = await store.DocumentContentAsync(document.Sha256, http.RequestAborted)
            ?? throw new InvalidOperationException($"Document {id} has no content with hash {document.Sha256}.");
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(bytes, document.ContentType, document.FileName, entityTag: new EntityTagHeaderValue($"\"{document.Sha256}\""));
    }

    /// <summary>The document when the caller may see it (disclosed, or the caller may see undisclosed ones); else null.</summary>
    private static async Task<(DocumentRecord? Document, bool Disclosed)> VisibleAsync(HttpContext http, LedgerStore store, TimeProvider time, Guid id)
    {
        var ct = http.RequestAborted;
        var document = await store.DocumentAsync(new DocumentId(id), ct);
        if (document is null) return (null, false);
        var project = await store.ProjectAsync(document.Project, ct)
            ?? throw new InvalidOperationException($"Document {id} has no project.");
        var reductions = await store.ReductionsOfProjectAsync(project.State.Id, ct);
        var reduction = reductions.FirstOrDefault(x => x.State.Id == document.Reduction);
        var (shown, disclosed) = await DiscloseAsync(store, time, document, project, reduction, ct);
        return disclosed || MaySeeUndisclosed(Caller.Of(http.User), project, reductions) ? (shown, disclosed) : (null, false);
    }

    /// <summary>Whether the document is disclosed; the first time it is found so, the time is recorded and it stays disclosed.</summary>
    private static async Task<(DocumentRecord Document, bool Disclosed)> DiscloseAsync(LedgerStore store, TimeProvider time, DocumentRecord d,
        ProjectRecord project, ReductionRecord? reduction, CancellationToken ct)
    {
        if (!DocumentDisclosure.IsDisclosed(d, project.State.Phase, reduction?.State.Phase)) return (d, false);
        if (d.DisclosedAt is not null) return (d, true);
        var now = time.GetUtcNow();
        await store.MarkDocumentDisclosedAsync(d.Id, now, ct);
        return (d with { DisclosedAt = now }, true);
    }

    private static bool IsOwner(Caller caller, ProjectRecord project) =>
        caller.Role == Role.ProjectOwner && caller.SubjectId is not null && caller.SubjectId == project.OwnerSubjectId;

    private static bool IsVvbOf(Caller caller, ProjectRecord project, IReadOnlyList<ReductionRecord> reductions) =>
        caller.Role == Role.Vvb && caller.SubjectId is { } s && (s == project.VvbSubjectId || reductions.Any(x => x.VvbSubjectId == s));

    private static bool MaySeeUndisclosed(Caller caller, ProjectRecord project, IReadOnlyList<ReductionRecord> reductions) =>
        caller.Role is Role.RegistryAdministrator or Role.Regulator || IsOwner(caller, project) || IsVvbOf(caller, project, reductions);

    private static bool MayUpload(Caller caller, DocumentKind kind, ProjectRecord project, ReductionRecord? reduction) => kind switch
    {
        DocumentKind.ValidationReport => caller.Role == Role.Vvb && caller.SubjectId is not null && caller.SubjectId == project.VvbSubjectId,
        DocumentKind.VerificationReport => caller.Role == Role.Vvb && caller.SubjectId is not null && caller.SubjectId == reduction?.VvbSubjectId,
        _ => IsOwner(caller, project),
    };
}
