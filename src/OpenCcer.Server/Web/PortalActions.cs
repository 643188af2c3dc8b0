using OpenCcer.Application;
using OpenCcer.Core.Lifecycle;
using OpenCcer.Core.Registry;
using OpenCcer.Server.Api;
using OpenCcer.Server.Documents;
using OpenCcer.Storage;
using OpenCcer.Storage.Documents;
using OpenCcer.Storage.Lifecycle;

namespace OpenCcer.Server.Web;

/// <summary>
/// What the portal's forms do, through the same services and checks as the API endpoints (the lifecycle
/// service, the registry engine, the request reader and its problem details), never over HTTP. Each
/// method answers with the result the API would give, which <see cref="FormErrors"/> reads.
/// </summary>
public sealed class PortalActions(LifecycleService lifecycle, LedgerStore store, TimeProvider time, IConfiguration configuration)
{
    public delegate Decision<ProjectState> Decide(ProjectRecord record, Actor actor, DateOnly date, ApplicationContext? context);

    /// <summary>One lifecycle step on a project by the signed-in caller (or the public, for comments).</summary>
    public async Task<IResult> ActAsync(HttpContext http, Guid id, Decide decide, string? vvb = null, bool needsContext = false)
    {
        var actor = Caller.Of(http.User).Actor();
        var today = lifecycle.Today();
        var outcome = await lifecycle.ActAsync(new ProjectId(id), (r, context) => decide(r, actor, today, context), vvb, needsContext, http.RequestAborted);
        return LifecycleProblems.Respond(outcome, r => r);
    }

    /// <summary>Drafts a project; on success the result's value is the project record.</summary>
    public async Task<(ProjectRecord? Project, IResult Result)> DraftAsync(HttpContext http, DraftProjectRequest body)
    {
        var r = new Fields();
        var title = r.Required("title", body.Title);
        var methodology = r.Text("methodology_code", body.MethodologyCode, 32);
        var province = r.Text("province", body.Province, 50);
        var construction = r.Date("construction_start", body.ConstructionStart);
        var creditingStart = r.Date("crediting_start", body.CreditingStart);
        var years = r.Required("crediting_years", body.CreditingYears);
        if (body.CreditingYears is < 1 or > 60) r.Fail("crediting_years", "Between 1 and 60.");
        if (r.HasErrors) return (null, r.Refusal().ToProblem());
        var caller = Caller.Of(http.User);
        if (caller.SubjectId is null) return (null, Problems.Forbidden("Only a project owner drafts projects."));
        var outcome = await lifecycle.DraftAsync(caller.Actor(), caller.SubjectId,
            new ProjectDescription(title, methodology, construction, new CreditingPeriod(creditingStart, years)), province, ct: http.RequestAborted);
        return (outcome.Record, LifecycleProblems.Respond(outcome, p => p));
    }

    public Task<IResult> PublishAsync(HttpContext http, Guid id, string? vvbSubject)
    {
        var r = new Fields();
        var vvb = r.Text("vvb_subject_id", vvbSubject, 64);
        if (r.HasErrors) return Task.FromResult(r.Refusal().ToProblem());
        return ActAsync(http, id, (record, actor, date, _) => ProjectLifecycle.Publish(record.State, actor, date, Organisations.IdOf(vvb), lifecycle.Calendar), vvb);
    }

    /// <summary>A step that takes one required text (comment, answer, reason).</summary>
    public Task<IResult> WithTextAsync(HttpContext http, Guid id, string? text, Func<ProjectState, Actor, DateOnly, string, Decision<ProjectState>> decide)
    {
        var r = new Fields();
        var value = r.Required("text", text);
        if (r.HasErrors) return Task.FromResult(r.Refusal().ToProblem());
        return ActAsync(http, id, (record, actor, date, _) => decide(record.State, actor, date, value));
    }

    public Task<IResult> ReportAsync(HttpContext http, Guid id, ValidationReportRequest body)
    {
        var r = new Fields();
        var conclusion = r.Enum<ValidationConclusion>("conclusion", body.Conclusion);
        var hash = r.Required("document_sha256", body.DocumentSha256);
        var summary = r.Required("summary", body.Summary);
        if (r.HasErrors) return Task.FromResult(r.Refusal().ToProblem());
        return ActAsync(http, id, (record, actor, date, _) =>
            ProjectLifecycle.SubmitValidationReport(record.State, actor, date, new ValidationReport(conclusion, hash, summary)));
    }

    public Task<IResult> ApplyAsync(HttpContext http, Guid id, ProjectApplyRequest body)
    {
        var r = new Fields();
        var signed = r.Required("uniqueness_commitment_signed", body.UniquenessCommitmentSigned);
        if (!signed) r.Fail("uniqueness_commitment_signed", "The uniqueness commitment must be signed to apply.");
        var ets = r.Required("under_ets_allowance_management", body.UnderEtsAllowanceManagement);
        var obligation = r.Required("has_legal_reduction_obligation", body.HasLegalReductionObligation);
        var gec = r.Required("green_certificates_elected", body.GreenCertificatesElected);
        if (r.HasErrors) return Task.FromResult(r.Refusal().ToProblem());
        var application = new ProjectApplication(signed, [], ets, obligation, gec);
        return ActAsync(http, id, (record, actor, date, context) => ProjectLifecycle.Apply(record.State, actor, date, application, context!, lifecycle.Calendar),
            needsContext: true);
    }

    /// <summary>Stores an uploaded document of a project with its SHA-256, with the API's type, size and role checks.</summary>
    public async Task<IResult> UploadAsync(HttpContext http, Guid id, string? kindName, IFormFile? file)
    {
        var ct = http.RequestAborted;
        var project = await store.ProjectAsync(new ProjectId(id), ct);
        if (project is null) return Problems.NotFound($"No project {id}.");
        var caller = Caller.Of(http.User);
        var limits = DocumentLimits.From(configuration);
        var r = new Fields();
        var kind = r.Enum<DocumentKind>("kind", kindName);
        if (kind is DocumentKind.MonitoringReport or DocumentKind.VerificationReport && !r.HasErrors)
            r.Fail("kind", "Monitoring and verification reports belong to a reduction; upload them with the API.");
        if (file is null || file.Length == 0) r.Fail("file", "Required: a non-empty file.");
        else if (file.Length > limits.SizeMaxBytes) r.Fail("file", $"At most {limits.SizeMaxBytes} bytes.");
        if (r.HasErrors) return r.Refusal().ToProblem();
        var mayUpload = kind == DocumentKind.ValidationReport
            ? caller.Role == Role.Vvb && caller.SubjectId is not null && caller.SubjectId == project.VvbSubjectId
            : caller.Role == Role.ProjectOwner && caller.SubjectId is not null && caller.SubjectId == project.OwnerSubjectId;
        if (!mayUpload)
            return Problems.Forbidden(kind == DocumentKind.ValidationReport
                ? "Only the VVB named to validate the project uploads its validation report."
                : "Only the project's owner uploads design documents and evidence.");
        using var buffer = new MemoryStream();
        await file!.CopyToAsync(buffer, ct);
        var content = buffer.ToArray();
        var fileName = Path.GetFileName(file.FileName);
        var contentType = DocumentTypes.Sniff(content, fileName);
        if (contentType is null) return Problems.Invalid("file", $"Accepted: {DocumentTypes.Allowed}, and the file's bytes must be of the type its name ends with.");
        var now = time.GetUtcNow();
        var document = new DocumentRecord(new DocumentId(Guid.CreateVersion7(now)), project.State.Id, null, kind, fileName,
            contentType, content.Length, LedgerStore.Sha256Hex(content), caller.SubjectId!, caller.RoleName, now, null);
        if (await store.SaveDocumentAsync(document, content, limits.PerProjectMax, ct) == DocumentSaveOutcome.LimitReached)
            return Problems.Invalid("file", $"A project holds at most {limits.PerProjectMax} documents.");
        return TypedResults.Ok(document);
    }
}
