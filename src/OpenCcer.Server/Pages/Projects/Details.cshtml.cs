using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenCcer.Application;
using OpenCcer.Application.Documents;
using OpenCcer.Application.Lifecycle;
using OpenCcer.Core.Lifecycle;
using OpenCcer.Core.Registry;
using OpenCcer.Server.Api;
using OpenCcer.Server.Web;
using OpenCcer.Storage;
using OpenCcer.Storage.Documents;
using OpenCcer.Storage.Lifecycle;
using OpenCcer.Storage.Projections;

namespace OpenCcer.Server.Pages.Projects;

/// <summary>
/// One project: its description, lifecycle timeline, disclosed documents with their SHA-256, notice and
/// public comments (anyone may comment while the notice is open), reductions, issuances with their serial
/// blocks, and cancellations.
/// </summary>
public sealed class DetailsModel(LedgerStore store, ProjectHandlers projects, DocumentHandlers documents, SerialFormat serials, IStringLocalizer<Text> text)
    : PageModel
{
    public ProjectRecord Project { get; private set; } = null!;
    public List<LifecycleEventRecord> Timeline { get; private set; } = [];
    public List<DocumentRecord> Documents { get; private set; } = [];
    public List<ReductionRecord> Reductions { get; private set; } = [];
    public List<(IssuanceRow Issuance, string Serials)> Issuances { get; private set; } = [];
    public List<CancellationRow> Cancellations { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public FormErrors Errors { get; } = new();
    public bool Commented { get; private set; }

    [BindProperty] public string? CommentText { get; set; }

    public bool NoticeOpen => Project.State.Notice?.IsOpenOn(Today) == true && Project.State.Phase == ProjectPhase.InPublicNotice;

    public string Serial(IssuanceRow i) => serials.Render(new Instrument(i.ProjectCode, i.Vintage), i.First, i.Last);

    public async Task<IActionResult> OnGetAsync(Guid id, bool commented, CancellationToken ct)
    {
        Commented = commented;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostCommentAsync(Guid id, CancellationToken ct)
    {
        var outcome = await projects.CommentAsync(Caller.Of(User), id, new TextRequest(CommentText), ct);
        if (outcome.IsOk) return Redirect($"/projects/{id}?commented=true#comments");
        Errors.Accept(outcome.Refusal!, text, "text");
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var project = await store.Lifecycle.ProjectAsync(new ProjectId(id), ct);
        if (project is null) return false;
        Project = project;
        Today = projects.Today();
        Timeline = await store.Lifecycle.TimelineAsync(project.State.Id, ct);
        Reductions = await store.Lifecycle.ReductionsOfProjectAsync(project.State.Id, ct);
        // The documents this caller may see, as the API lists them.
        var visible = await documents.ListAsync(Caller.Of(User), id, ct);
        Documents = visible.IsOk ? visible.Value!.Select(v => v.Document).ToList() : [];
        Issuances = (await Explorer.IssuancesAsync(store, project.Code, ct)).Select(i => (i, Serial(i))).ToList();
        Cancellations = (await Explorer.CancellationsAsync(store, ct)).Where(c => c.ProjectCode == project.Code).ToList();
        return true;
    }
}
