namespace OpenCcer.Server.Jobs;

/// <summary>
/// Background jobs of one kind held in memory, with limits: at most <paramref name="runningMax"/> run at once,
/// at most <paramref name="jobsMax"/> are kept (the oldest finished ones make room) and a finished job is
/// dropped <paramref name="keptMinutes"/> minutes after it finished.
/// </summary>
public sealed class JobTable<TJob>(int runningMax, int jobsMax, int keptMinutes, TimeProvider time)
    where TJob : BackgroundJob
{
    private readonly Lock gate = new();
    private readonly Dictionary<Guid, TJob> jobs = [];

    /// <summary>
    /// Adds the job <paramref name="create"/> makes (given a new id and the start time), or answers null
    /// when <paramref name="runningMax"/> already run. Ids are random, not time-ordered: the id is what lets
    /// its starter poll the job and fetch its result.
    /// </summary>
    public TJob? TryAdd(Func<Guid, DateTimeOffset, TJob> create)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            foreach (var old in jobs.Values.Where(j => j.FinishedAt is { } f && now - f > TimeSpan.FromMinutes(keptMinutes)).ToList())
                jobs.Remove(old.Id);
            if (jobs.Values.Count(j => j.Status == JobStatus.Running) >= runningMax) return null;
            while (jobs.Count >= jobsMax)
                jobs.Remove(jobs.Values.Where(j => j.Status != JobStatus.Running).OrderBy(j => j.StartedAt).First().Id);
            var job = create(Guid.NewGuid(), now);
            jobs.Add(job.Id, job);
            return job;
        }
    }

    public TJob? Find(Guid id)
    {
        lock (gate) return jobs.GetValueOrDefault(id);
    }
}
