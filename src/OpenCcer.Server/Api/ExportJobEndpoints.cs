using OpenCcer.Application;
using OpenCcer.Application.Exports;
using OpenCcer.Server.Exports;
using OpenCcer.Server.Jobs;

namespace OpenCcer.Server.Api;

/// <summary>
/// Public exports run in the background: start one, poll its progress, fetch the file when it is done.
/// Errors are problem details: an unknown job is 404, a file asked for before it is ready 409.
/// </summary>
public static class ExportJobEndpoints
{
    public const string Path = "/api/v1/public/export-jobs";

    public sealed record ExportJobRequest(string? List, string? Format);

    /// <summary>A job as the API shows it; <c>file_url</c> once the file is ready.</summary>
    public sealed record ExportJobView(Guid Id, string List, string Format, string Status, int ProgressPercent, int StepsTotal,
        string? FileName, string? FileUrl, string? Error, string StartedAt);

    public static IEndpointRouteBuilder MapExportJobEndpoints(this IEndpointRouteBuilder app)
    {
        var pub = app.MapGroup(Path).WithTags("Public").AllowAnonymous().ProducesProblem(400).ProducesProblem(404);
        pub.MapPost("", async Task<IResult> (HttpContext http, ExportJobs jobs, System.Text.Json.JsonSerializerOptions json) =>
            {
                var (body, problem) = await RequestReader.ReadAsync<ExportJobRequest>(http, json);
                return problem ?? Start(jobs, body!.List, body.Format, out _);
            })
            .Accepts<ExportJobRequest>("application/json")
            .WithSummary("Start exporting a public list (or all of them, as XLSX) in the background; poll the job for progress.");
        pub.MapGet("/{id:guid}", (ExportJobs jobs, Guid id) => jobs.Find(id) is { } job ? TypedResults.Ok(View(job)) : Missing(id))
            .WithSummary("An export job's progress (0–100) and, once done, where its file is.");
        pub.MapGet("/{id:guid}/file", (ExportJobs jobs, Guid id) =>
            {
                if (jobs.Find(id) is not { } job) return Missing(id);
                return job.Status switch
                {
                    JobStatus.Done => TypedResults.File(job.Content!, job.ContentType, job.FileName),
                    JobStatus.Failed => TypedResults.Problem(detail: job.Error, statusCode: StatusCodes.Status409Conflict,
                        title: "Export failed.", type: "/problems/export-failed"),
                    _ => TypedResults.Problem(detail: $"The export is at {job.ProgressPercent}%; fetch the file when the job is done.",
                        statusCode: StatusCodes.Status409Conflict, title: "Export not ready.", type: "/problems/export-not-ready"),
                };
            })
            .WithSummary("The file of a finished export job.");
        return app;
    }

    /// <summary>Checks the list and format and starts the job: 202 with the job, 400 naming the bad field, 429 when busy.</summary>
    public static IResult Start(ExportJobs jobs, string? list, string? format, out ExportJob? started)
    {
        started = null;
        var r = new Fields();
        var name = r.Required("list", list);
        if (!r.HasErrors && !ExportJobs.ListNames.Contains(name)) r.Fail("list", $"One of: {string.Join(", ", ExportJobs.ListNames)}.");
        var fileFormat = format is null ? ExportFormat.Csv : r.Enum<ExportFormat>("format", format);
        if (!r.HasErrors && name == ExportJobs.AllLists && fileFormat != ExportFormat.Xlsx)
            r.Fail("format", "All lists together are exported as XLSX, one sheet per list.");
        if (r.HasErrors) return r.Refusal().ToProblem();
        started = jobs.Start(name, fileFormat);
        if (started is null)
            return Problems.JobsBusy("exports", ExportJobs.RunningMax, "Exports busy.", "/problems/export-jobs-busy");
        return TypedResults.Accepted($"{Path}/{started.Id}", View(started));
    }

    public static ExportJobView View(ExportJob job)
    {
        var status = job.Status;
        return new ExportJobView(job.Id, job.ListName, ExportWriter.Extension(job.Format), RequestReader.Snake(status.ToString()), job.ProgressPercent,
            job.StepsTotal, job.FileName, status == JobStatus.Done ? $"{Path}/{job.Id}/file" : null, job.Error,
            Storage.Journal.EventJson.Timestamp(job.StartedAt));
    }

    private static IResult Missing(Guid id) => Problems.NotFound($"No export job {id}; finished jobs are kept {ExportJobs.KeptMinutes} minutes.");
}
