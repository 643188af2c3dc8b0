using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenCcer.Application.Exports;
using OpenCcer.Server.Api;
using OpenCcer.Server.Exports;
using OpenCcer.Server.Web;

namespace OpenCcer.Server.Pages.Exports;

/// <summary>
/// Downloads of the public lists: the export runs in the background, the page shows its progress (polled from
/// the job's status endpoint by a small script, or on reload without one) and offers the file when it is done.
/// </summary>
public sealed class IndexModel(ExportJobs jobs, IStringLocalizer<Text> text) : PageModel
{
    public static readonly string[] Formats = [.. Enum.GetValues<ExportFormat>().Select(ExportWriter.Extension)];

    [BindProperty(SupportsGet = true, Name = "job")] public Guid? JobId { get; set; }

    public ExportJobEndpoints.ExportJobView? Job { get; private set; }
    public bool JobMissing { get; private set; }
    public FormErrors Errors { get; } = new();
    public string List { get; private set; } = ExportJobs.AllLists;
    public string Format { get; private set; } = "xlsx";

    public void OnGet()
    {
        if (JobId is not { } id) return;
        var job = jobs.Find(id);
        if (job is null) JobMissing = true;
        else Job = ExportJobEndpoints.View(job);
    }

    public IActionResult OnPost(string? list, string? format)
    {
        var result = ExportJobEndpoints.Start(jobs, list, format, out var started);
        if (started is not null) return Redirect("/exports?job=" + started.Id);
        Errors.Accept(result, text, "list", "format");
        List = list ?? List;
        Format = format ?? Format;
        return Page();
    }
}
