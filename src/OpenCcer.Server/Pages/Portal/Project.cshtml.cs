using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenCcer.Application;
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
/// administrator reviews and registers or rejects. The lifecycle decides; refusals show as problems.
/// </summary>
[RequestSizeLimit(DocumentLimits.SizeMaxBytesDefault + DocumentLimits.EnvelopeBytesMax)]
[RequestFormLimits(MultipartBodyLengthLimit = DocumentLimits.SizeMaxBytesDefault + DocumentLimits.EnvelopeBytesMax)]
public sealed class ProjectModel(LedgerStore store, LifecycleService lifecycle, PortalActions actions, IStringLocalizer<Text> text) : PageModel
{
    public ProjectRecord Project { get; private set; } = null!;
    public List<DocumentRecord> Documents { get; private set; } = [];
    public List<OrganisationRecord> Vvbs { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public FormErrors Errors { get; } = new();
    public string? Form { get; private set; }

    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    public Caller Caller => Caller.Of(User);
    public bool IsOwner => Caller.Role == Role.ProjectOwner && Caller.SubjectId == Project.OwnerSubjectId;
    public bool IsVvb => Caller.Role == Role.Vvb && Caller.SubjectId == Project.VvbSubjectId;
    public bool IsAdministrator => Caller.IsAdministrator;
    public ProjectPhase Phase => Project.State.Phase;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostUploadAsync(Guid id, string? kind, IFormFile? file) =>
        Step(id, "upload", "uploaded", actions.UploadAsync(HttpContext, id, kind, file), "kind", "file");

    public Task<IActionResult> OnPostPublishAsync(Guid id, string? vvb) =>
        Step(id, "publish", "published", actions.PublishAsync(HttpContext, id, vvb), "vvb_subject_id");

    public Task<IActionResult> OnPostAnswerAsync(Guid id, int number, string? answer) =>
        Step(id, "answer-" + number, "answered", actions.WithTextAsync(HttpContext, id, answer, (s, a, d, t) => ProjectLifecycle.Answer(s, a, d, number, t)), "text");

    public Task<IActionResult> OnPostEndNoticeAsync(Guid id) =>
        Step(id, "end-notice", "notice-ended", actions.ActAsync(HttpContext, id, (r, a, d, _) => ProjectLifecycle.EndNotice(r.State, a, d)));

    public Task<IActionResult> OnPostStartValidationAsync(Guid id) =>
        Step(id, "start-validation", "validation-started", actions.ActAsync(HttpContext, id, (r, a, d, _) => ProjectLifecycle.StartValidation(r.State, a, d)));

    public Task<IActionResult> OnPostReportAsync(Guid id, string? conclusion, string? sha256, string? summary) =>
        Step(id, "report", "reported", actions.ReportAsync(HttpContext, id, new ValidationReportRequest(conclusion, sha256, summary)),
            "conclusion", "document_sha256", "summary");

    public Task<IActionResult> OnPostApplyAsync(Guid id, bool commitment, bool ets, bool obligation, bool gec) =>
        Step(id, "apply", "applied", actions.ApplyAsync(HttpContext, id, new ProjectApplyRequest(commitment, null, ets, obligation, gec)),
            "uniqueness_commitment_signed");

    public Task<IActionResult> OnPostStartReviewAsync(Guid id) =>
        Step(id, "start-review", "review-started", actions.ActAsync(HttpContext, id, (r, a, d, _) => ProjectLifecycle.AcceptForReview(r.State, a, d)));

    public Task<IActionResult> OnPostRegisterAsync(Guid id) =>
        Step(id, "register", "registered", actions.ActAsync(HttpContext, id, (r, a, d, _) => ProjectLifecycle.Register(r.State, a, d)));

    public Task<IActionResult> OnPostRejectAsync(Guid id, string? reason) =>
        Step(id, "reject", "rejected", actions.WithTextAsync(HttpContext, id, reason, (s, a, d, t) => ProjectLifecycle.Reject(s, a, d, t)), "text");

    /// <summary>Runs one step: on success back to the page (a fresh GET), else the page again with the problem next to the form.</summary>
    private async Task<IActionResult> Step(Guid id, string form, string done, Task<IResult> step, params string[] fields)
    {
        var result = await step;
        if (Errors.Accept(result, text, fields)) return Redirect($"/portal/projects/{id}?done={done}");
        Form = form;
        return await LoadAsync(id, HttpContext.RequestAborted) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var project = await store.ProjectAsync(new ProjectId(id), ct);
        if (project is null) return false;
        Project = project;
        Today = lifecycle.Today();
        Documents = await store.DocumentsOfProjectAsync(project.State.Id, ct);
        Vvbs = (await store.OrganisationsAsync(1_000, 0, ct)).Where(o => o.Role == Roles.Vvb).ToList();
        return true;
    }

    /// <summary>The problem summary belongs to the form that was sent.</summary>
    public FormErrors ErrorsOf(string form) => Form == form ? Errors : new FormErrors();
}
