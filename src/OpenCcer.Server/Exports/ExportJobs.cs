using OpenCcer.Application.Exports;
using OpenCcer.Core.Registry;
using OpenCcer.Server.Jobs;
using OpenCcer.Storage;

namespace OpenCcer.Server.Exports;

/// <summary>
/// Exports of the public lists that run in the background while a page shows their progress. Jobs live in
/// memory: a finished job is kept <see cref="KeptMinutes"/> minutes for its file to be fetched; at most
/// <see cref="RunningMax"/> run at once and at most <see cref="JobsMax"/> are kept.
/// </summary>
public sealed class ExportJobs(LedgerStore store, SerialFormat serials, TimeProvider time, IHostApplicationLifetime lifetime, ILogger<ExportJobs> log)
{
    public const int RunningMax = 4;
    public const int JobsMax = 100;
    public const int KeptMinutes = 30;

    /// <summary>The name that exports every public list together, as one workbook with a sheet per list.</summary>
    public const string AllLists = "all";

    private readonly JobTable<ExportJob> jobs = new(RunningMax, JobsMax, KeptMinutes, time);

    public static IReadOnlyList<string> ListNames { get; } = [.. PublicListTables.Names, AllLists];

    /// <summary>Starts an export, or answers null when <see cref="RunningMax"/> are already running.</summary>
    public ExportJob? Start(string list, ExportFormat format)
    {
        if (!ListNames.Contains(list)) throw new ArgumentException($"No public list '{list}'.", nameof(list));
        if (list == AllLists && format != ExportFormat.Xlsx) throw new ArgumentException("All lists are exported together only as XLSX.", nameof(format));
        var job = jobs.TryAdd((id, now) => new ExportJob(id, list == AllLists ? PublicListTables.Names : [list], list, format, now));
        if (job is null) return null;
        _ = Task.Run(() => RunAsync(job, lifetime.ApplicationStopping));
        return job;
    }

    public ExportJob? Find(Guid id) => jobs.Find(id);

    private async Task RunAsync(ExportJob job, CancellationToken ct)
    {
        try
        {
            var tables = new List<ExportTable>();
            foreach (var list in job.Lists)
            {
                tables.Add(await PublicListTables.LoadAsync(store, serials, list, ct)
                    ?? throw new InvalidOperationException($"Public list {list} is not known to the exports."));
                job.StepDone();
            }
            var file = tables.Count == 1 ? ExportWriter.Write(tables[0], job.Format) : XlsxTables.Write(tables);
            job.Finish(file, time.GetUtcNow());
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            log.LogError(e, "Export job {Id} ({List}, {Format}) failed", job.Id, job.ListName, job.Format);
            job.Fail(e, "export", time.GetUtcNow());
        }
    }
}
