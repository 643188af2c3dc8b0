using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Features;
using OpenCcer.Application;
using OpenCcer.Core.Methodologies;
using OpenCcer.Server.Imports;
using OpenCcer.Server.Jobs;

namespace OpenCcer.Server.Api;

/// <summary>
/// Monitoring files (meter readings, sample plots) are read in the background: upload one as
/// <c>multipart/form-data</c> (fields <c>kind</c> and <c>file</c>), then poll the job for the rows read and,
/// once done, the periods or plots it holds or the errors of its rows. A job is seen only by whoever started it.
/// Errors are problem details: bad input 400 naming the field, a file over the limit 413, not CSV 415, busy 429,
/// an unknown job 404.
/// </summary>
public static partial class ImportJobEndpoints
{
    public const string Path = "/api/v1/import-jobs";

    /// <summary>The content types a browser or client sends for a CSV file.</summary>
    public static readonly string[] CsvContentTypes = ["text/csv", "application/csv", "text/plain", "application/vnd.ms-excel"];

    public static readonly IReadOnlyList<string> KindNames = [.. Enum.GetValues<ImportKind>().Select(k => RequestReader.Snake(k.ToString()))];

    /// <summary>A job as the API shows it: the same shape as an export job's, with the rows read and the result.</summary>
    public sealed record ImportJobView(Guid Id, string Kind, string FileName, string Status, int ProgressPercent, int StepsTotal,
        int RowsParsed, int RowsTotal, IReadOnlyList<RowErrorView> RowErrors, IReadOnlyList<PeriodView> Periods, decimal? NetExportMwhTotal,
        IReadOnlyList<StratumView> Strata, string? Error, string StartedAt);

    /// <summary>
    /// One problem of the file: its line (absent for the whole file), its column (absent for the whole row) and what
    /// is wrong, in English and in Chinese (<c>message_zh</c>, absent for a message with no translation).
    /// </summary>
    public sealed record RowErrorView(int? Line, string? Field, string Message, string? MessageZh);

    /// <summary>A period read; <c>net_export_mwh</c> is export − import as metered, before the calculator's meter-error correction.</summary>
    public sealed record PeriodView(string Start, string End, decimal ExportMwh, decimal ImportMwh, decimal NetExportMwh, string? MeterClass);

    public sealed record StratumView(string Stratum, decimal AreaHa, int Plots, int Trees);

    public static IEndpointRouteBuilder MapImportJobEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Path).WithTags("Imports").RequireAuthorization(RegistryEndpoints.ReaderPolicy)
            .ProducesProblem(400).ProducesProblem(404);
        api.MapPost("", async Task<IResult> (HttpContext http, ImportJobs jobs) =>
            {
                var (kind, fileName, text, problem) = await ReadUploadAsync(http.Request);
                return problem ?? Start(jobs, http.User, kind, fileName, text, out _);
            })
            .WithSummary("Start reading a monitoring CSV (kind meter_readings or sample_plots) in the background; poll the job for progress.");
        api.MapGet("/{id:guid}", (ImportJobs jobs, ClaimsPrincipal user, Guid id) =>
                jobs.Find(id, Starter(user)) is { } job ? TypedResults.Ok(View(job)) : Missing(id))
            .WithSummary("An import job's progress (rows read of the total, 0–100%) and, once done, the rows' summary or errors.");
        return app;
    }

    /// <summary>Who started a job: the person, or the API key by its label.</summary>
    public static string Starter(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "key:" + (user.Identity?.Name ?? "");

    /// <summary>Reads the kind and the file of a form upload, checking the size, the content type and that the text is UTF-8.</summary>
    public static async Task<(string? Kind, string FileName, string Text, IResult? Problem)> ReadUploadAsync(HttpRequest request)
    {
        if (!request.HasFormContentType)
            return (null, "", "", TypedResults.Problem(statusCode: 415, title: "Send a form.", type: Problems.ForHttpStatus(415),
                detail: "Upload the file as multipart/form-data with the fields kind and file."));
        if (request.ContentLength > ImportJobs.UploadBytesMax + ImportJobs.UploadEnvelopeBytes) return (null, "", "", TooLarge());
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = ImportJobs.UploadBytesMax + ImportJobs.UploadEnvelopeBytes }, request.HttpContext.RequestAborted);
        }
        catch (InvalidDataException)
        {
            return (null, "", "", TooLarge());
        }
        catch (BadHttpRequestException e)
        {
            return (null, "", "", e.StatusCode == 413 ? TooLarge()
                : TypedResults.Problem(statusCode: e.StatusCode, title: "Bad request.", type: Problems.ForHttpStatus(e.StatusCode), detail: e.Message));
        }
        var kind = form["kind"].ToString();
        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0) return (kind, "", "", Problems.Invalid("file", "Choose a CSV file to upload."));
        if (file.Length > ImportJobs.UploadBytesMax) return (kind, file.FileName, "", TooLarge());
        var type = (file.ContentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        if (!CsvContentTypes.Contains(type))
            return (kind, file.FileName, "", TypedResults.Problem(statusCode: 415, title: "Not a CSV file.", type: Problems.ForHttpStatus(415),
                detail: $"The file is {(type.Length == 0 ? "of no type" : type)}; upload a CSV file (text/csv)."));
        try
        {
            using var reader = new StreamReader(file.OpenReadStream(), new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false);
            return (kind, System.IO.Path.GetFileName(file.FileName), await reader.ReadToEndAsync(request.HttpContext.RequestAborted), null);
        }
        catch (DecoderFallbackException)
        {
            return (kind, file.FileName, "", Problems.Invalid("file", "The file is not UTF-8 text; save the CSV as UTF-8."));
        }
    }

    /// <summary>Checks the kind and starts the job: 202 with the job, 400 naming the bad field, 429 when busy.</summary>
    public static IResult Start(ImportJobs jobs, ClaimsPrincipal user, string? kind, string fileName, string text, out ImportJob? started)
    {
        started = null;
        var r = new Fields();
        var name = r.Required("kind", kind);
        var importKind = r.HasErrors ? default : r.Enum<ImportKind>("kind", name);
        if (r.HasErrors) return r.Refusal().ToProblem();
        started = jobs.Start(importKind, fileName, text, Starter(user));
        if (started is null)
            return Problems.JobsBusy("imports", ImportJobs.RunningMax, "Imports busy.", "/problems/import-jobs-busy");
        return TypedResults.Accepted($"{Path}/{started.Id}", View(started));
    }

    public static ImportJobView View(ImportJob job)
    {
        var status = job.Status;
        var done = status == JobStatus.Done;
        var periods = done
            ? job.Periods.Select(p => new PeriodView(Date(p.Start), Date(p.End), p.ExportMwh, p.ImportMwh, p.ExportMwh - p.ImportMwh, p.Meter?.AccuracyClass)).ToList()
            : [];
        var strata = done
            ? job.Trees.GroupBy(t => t.Stratum, StringComparer.Ordinal)
                .Select(g => new StratumView(g.Key, g.First().StratumAreaHa, g.Select(t => t.Plot).Distinct(StringComparer.Ordinal).Count(),
                    g.Count(t => t.Species is not null)))
                .ToList()
            : [];
        return new ImportJobView(job.Id, RequestReader.Snake(job.Kind.ToString()), job.FileName, RequestReader.Snake(status.ToString()),
            job.ProgressPercent, job.StepsTotal, job.RowsParsed, job.RowsTotal, done ? [.. job.RowErrors.Select(RowError)] : [], periods,
            periods.Count > 0 ? periods.Sum(p => p.NetExportMwh) : null, strata, job.Error, Storage.Journal.EventJson.Timestamp(job.StartedAt));
    }

    /// <summary>Splits an import error's field (<c>line 7: dbh_cm</c>, <c>line 7</c>) into its line and column.</summary>
    public static RowErrorView RowError(FieldError error)
    {
        var m = LineField().Match(error.Field);
        var chinese = ImportMessages.Chinese(error.Message);
        return m.Success
            ? new RowErrorView(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m.Groups[2].Success ? m.Groups[2].Value : null, error.Message, chinese)
            : new RowErrorView(null, error.Field, error.Message, chinese);
    }

    [GeneratedRegex("^line ([0-9]{1,9})(?:: (.+))?$")]
    private static partial Regex LineField();

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static IResult TooLarge() => TypedResults.Problem(statusCode: 413, title: "File too large.", type: Problems.ForHttpStatus(413),
        detail: $"A monitoring file may be at most {ImportJobs.UploadBytesMax / 1024} KiB; split it by period.");

    private static IResult Missing(Guid id) => Problems.NotFound($"No import job {id}; finished jobs are kept {ImportJobs.KeptMinutes} minutes.");
}
