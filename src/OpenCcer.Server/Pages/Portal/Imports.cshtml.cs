using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenCcer.Server.Api;
using OpenCcer.Server.Imports;
using OpenCcer.Server.Web;

namespace OpenCcer.Server.Pages.Portal;

/// <summary>
/// A monitoring CSV read in the background (the same checks and job as <c>POST /api/v1/import-jobs</c>): the page
/// shows the rows read (polled from the job's status endpoint by a small script, or on reload without one), then
/// the periods or strata the file holds, or each row's errors next to its line.
/// </summary>
public sealed class ImportsModel(ImportJobs jobs, IStringLocalizer<Text> text) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "job")] public Guid? JobId { get; set; }

    public ImportJobEndpoints.ImportJobView? Job { get; private set; }
    public bool JobMissing { get; private set; }
    public FormErrors Errors { get; } = new();
    public string Kind { get; private set; } = ImportJobEndpoints.KindNames[0];

    public void OnGet()
    {
        if (JobId is not { } id) return;
        var job = jobs.Find(id, ImportJobEndpoints.Starter(User));
        if (job is null) JobMissing = true;
        else Job = ImportJobEndpoints.View(job);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (kind, fileName, content, problem) = await ImportJobEndpoints.ReadUploadAsync(Request);
        ImportJob? started = null;
        var result = problem ?? ImportJobEndpoints.Start(jobs, User, kind, fileName, content, out started);
        if (started is not null) return Redirect("/portal/imports?job=" + started.Id);
        Errors.Accept(result, text, "kind", "file");
        if (kind is not null && ImportJobEndpoints.KindNames.Contains(kind)) Kind = kind;
        return Page();
    }
}
