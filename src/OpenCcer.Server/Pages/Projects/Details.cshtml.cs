using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenCcer.Application;
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
public sealed class DetailsModel(LedgerStore store, LifecycleService lifecycle, PortalActions actions, SerialFormat serials, IStringLocalizer<Text> text)
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
        var result = await actions.WithTextAsync(HttpContext, id, CommentText, (s, a, d, t) => ProjectLifecycle.Comment(s, a, d, t));
        if (Errors.Accept(result, text, "text")) return Redirect($"/projects/{id}?commented=true#comments");
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var project = await store.ProjectAsync(new ProjectId(id), ct);
        if (project is null) return false;
        Project = project;
        Today = lifecycle.Today();
        Timeline = await store.TimelineAsync(project.State.Id, ct);
        Reductions = await store.ReductionsOfProjectAsync(project.State.Id, ct);
        var caller = Caller.Of(User);
        var privileged = caller.Role is Role.RegistryAdministrator or Role.Regulator
            || (caller.SubjectId is { } s && (s == project.OwnerSubjectId || s == project.VvbSubjectId || Reductions.Any(r => r.VvbSubjectId == s)));
        Documents = (await store.DocumentsOfProjectAsync(project.State.Id, ct))
            .Where(d => privileged || DocumentDisclosure.IsDisclosed(d, project.State.Phase, Reductions.FirstOrDefault(r => r.State.Id == d.Reduction)?.State.Phase))
            .ToList();
        Issuances = (await Explorer.IssuancesAsync(store, project.Code, ct)).Select(i => (i, Serial(i))).ToList();
        Cancellations = (await Explorer.CancellationsAsync(store, ct)).Where(c => c.ProjectCode == project.Code).ToList();
        return true;
    }
}
