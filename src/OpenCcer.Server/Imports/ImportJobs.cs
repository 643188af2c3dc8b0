using OpenCcer.Core.Methodologies.Import;
using OpenCcer.Core.Primitives;
using OpenCcer.Server.Jobs;

namespace OpenCcer.Server.Imports;

/// <summary>
/// Imports of monitoring files that run in the background while a page shows how many rows are read. Jobs live
/// in memory like the export jobs (see <see cref="JobTable{TJob}"/>): at most <see cref="RunningMax"/> run at
/// once, at most <see cref="JobsMax"/> are kept, a finished one for <see cref="KeptMinutes"/> minutes.
/// </summary>
public sealed class ImportJobs(TimeProvider time, IHostApplicationLifetime lifetime, ILogger<ImportJobs> log)
{
    public const int RunningMax = 4;
    public const int JobsMax = 100;
    public const int KeptMinutes = 30;

    /// <summary>
    /// The largest file accepted, about 15 000 rows of meter readings: with the form around it the upload stays
    /// under the server's 1 MiB request limit (<see cref="UploadEnvelopeBytes"/> more).
    /// </summary>
    public const int UploadBytesMax = 900 * 1024;

    /// <summary>Room for the multipart headers and the form's other fields.</summary>
    public const int UploadEnvelopeBytes = 64 * 1024;

    private readonly JobTable<ImportJob> jobs = new(RunningMax, JobsMax, KeptMinutes, time);

    /// <summary>Starts reading <paramref name="text"/>, or answers null when <see cref="RunningMax"/> are already running.</summary>
    public ImportJob? Start(ImportKind kind, string fileName, string text, string starter)
    {
        var rowsTotal = Math.Max(0, CsvText.Lines(text).Count() - 1);
        var job = jobs.TryAdd((id, now) => new ImportJob(id, kind, fileName, rowsTotal, starter, now));
        if (job is null) return null;
        _ = Task.Run(() => Run(job, text, lifetime.ApplicationStopping));
        return job;
    }

    /// <summary>The job, if <paramref name="starter"/> started it; others' jobs are not found.</summary>
    public ImportJob? Find(Guid id, string starter) => jobs.Find(id) is { } job && job.Starter == starter ? job : null;

    private void Run(ImportJob job, string text, CancellationToken ct)
    {
        try
        {
            void RowRead()
            {
                ct.ThrowIfCancellationRequested();
                job.StepDone();
            }
            if (job.Kind == ImportKind.MeterReadings)
            {
                var read = MeterReadingCsv.Parse(text, RowRead);
                job.Finish(read.Rows, [], read.Errors, time.GetUtcNow());
            }
            else
            {
                var read = SamplePlotCsv.Parse(text, RowRead);
                job.Finish([], read.Rows, read.Errors, time.GetUtcNow());
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            log.LogError(e, "Import job {Id} ({Kind}) failed", job.Id, job.Kind);
            job.Fail(e, "import", time.GetUtcNow());
        }
    }
}
