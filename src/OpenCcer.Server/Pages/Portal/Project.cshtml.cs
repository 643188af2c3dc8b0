using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenCcer.Application;
using OpenCcer.Application.Documents;
using OpenCcer.Application.Lifecycle;
using OpenCcer.Core.Lifecycle;
using OpenCcer.Server.Api;
using OpenCcer.Server.Documents;
using OpenCcer.Server.Web;
using OpenCcer.Storage;
using OpenCcer.Storage.Documents;
using OpenCcer.Storage.Lifecycle;
using OpenCcer.Storage.People;

namespace OpenCcer.Server.Pages.Portal;

/// <summary>
/// The steps of a project's lifecycle that the signed-in role may take: the owner uploads documents,
/// publishes, answers comments, ends the notice and applies; the named VVB validates; the registry
/// administrator reviews and registers or rejects. Each form is one call of the same handler the API calls;
/// its refusal shows next to the form.
/// </summary>
[RequestSizeLimit(DocumentLimits.SizeMaxBytesDefault + DocumentLimits.EnvelopeBytesMax)]
[RequestFormLimits(MultipartBodyLengthLimit = DocumentLimits.SizeMaxBytesDefault + DocumentLimits.EnvelopeBytesMax)]
public sealed class ProjectModel(LedgerStore store, ProjectHandlers projects, DocumentHandlers documents, IStringLocalizer<Text> text) : PageModel
{
    public ProjectRecord Project { get; private set; } = null!;
    public List<DocumentRecord> Documents { get; private set; } = [];
    public List<OrganisationRecord> Vvbs { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public FormErrors Errors { get; } = new();
    public string? Form { get; private set; }

    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    public Caller Caller => Caller.Of(User);
    public bool IsOwner => DocumentRights.IsOwner(Caller, Project);
    public bool IsVvb => DocumentRights.IsVvbOf(Caller, Project, []);
    public bool IsAdministrator => Caller.IsAdministrator;
    public ProjectPhase Phase => Project.State.Phase;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostUploadAsync(Guid id, string? kind, IFormFile? file) =>
        Step(id, "upload", "uploaded", documents.UploadAsync(Caller, id,
            ct => DocumentUploadReader.FromFormAsync(kind, file, documents.Limits, ct), HttpContext.RequestAborted), "kind", "file");

    public Task<IActionResult> OnPostPublishAsync(Guid id, string? vvb) =>
        Step(id, "publish", "published", projects.PublishAsync(Caller, id, new VvbRequest(vvb), HttpContext.RequestAborted), "vvb_subject_id");

    public Task<IActionResult> OnPostAnswerAsync(Guid id, int number, string? answer) =>
        Step(id, "answer-" + number, "answered", projects.AnswerAsync(Caller, id, number, new TextRequest(answer), HttpContext.RequestAborted), "text");

    public Task<IActionResult> OnPostEndNoticeAsync(Guid id) =>
        Step(id, "end-notice", "notice-ended", projects.EndNoticeAsync(Caller, id, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostStartValidationAsync(Guid id) =>
        Step(id, "start-validation", "validation-started", projects.StartValidationAsync(Caller, id, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostReportAsync(Guid id, string? conclusion, string? sha256, string? summary) =>
        Step(id, "report", "reported", projects.SubmitValidationReportAsync(Caller, id, new ValidationReportRequest(conclusion, sha256, summary),
            HttpContext.RequestAborted), "conclusion", "document_sha256", "summary");

    public Task<IActionResult> OnPostApplyAsync(Guid id, bool commitment, bool ets, bool obligation, bool gec) =>
        Step(id, "apply", "applied", projects.ApplyAsync(Caller, id, new ProjectApplyRequest(commitment, null, ets, obligation, gec), HttpContext.RequestAborted),
            "uniqueness_commitment_signed");

    public Task<IActionResult> OnPostStartReviewAsync(Guid id) =>
        Step(id, "start-review", "review-started", projects.StartReviewAsync(Caller, id, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostRegisterAsync(Guid id) =>
        Step(id, "register", "registered", projects.RegisterAsync(Caller, id, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostRejectAsync(Guid id, string? reason) =>
        Step(id, "reject", "rejected", projects.RejectAsync(Caller, id, new TextRequest(reason), HttpContext.RequestAborted), "text");

    /// <summary>Runs one step: on success back to the page (a fresh GET), else the page again with the refusal next to the form.</summary>
    private async Task<IActionResult> Step<T>(Guid id, string form, string done, Task<Outcome<T>> step, params string[] fields)
    {
        var outcome = await step;
        if (outcome.IsOk) return Redirect($"/portal/projects/{id}?done={done}");
        Errors.Accept(outcome.Refusal!, text, fields);
        Form = form;
        return await LoadAsync(id, HttpContext.RequestAborted) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var project = await store.Lifecycle.ProjectAsync(new ProjectId(id), ct);
        if (project is null) return false;
        Project = project;
        Today = projects.Today();
        // The documents this caller may see, as the API lists them.
        var visible = await documents.ListAsync(Caller, id, ct);
        Documents = visible.IsOk ? visible.Value!.Select(v => v.Document).ToList() : [];
        Vvbs = (await store.People.OrganisationsAsync(1_000, 0, ct)).Where(o => o.Role == Roles.Vvb).ToList();
        return true;
    }

    /// <summary>Whether the form that was sent is on the page, showing its refusal.</summary>
    public bool ErrorsShown { get; private set; }

    /// <summary>The problem summary belongs to the form that was sent.</summary>
    public FormErrors ErrorsOf(string form)
    {
        if (Form != form) return new FormErrors();
        ErrorsShown = true;
        return Errors;
    }
}
