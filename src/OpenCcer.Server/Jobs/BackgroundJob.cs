namespace OpenCcer.Server.Jobs;

/// <summary>
/// Work running in the background while a page polls its progress: how many of its steps are done and, once
/// finished, whether it succeeded or why it failed. The progress stays below 100% until the job is done, so a
/// page that sees 100% can show the result.
/// </summary>
public abstract class BackgroundJob(Guid id, DateTimeOffset startedAt)
{
    /// <summary>Guards the state of the job and of its subclasses: the runner writes while requests read.</summary>
    protected Lock Gate { get; } = new();

    private int stepsDone;
    private JobStatus status = JobStatus.Running;
    private string? error;
    private DateTimeOffset? finishedAt;

    public Guid Id { get; } = id;
    public DateTimeOffset StartedAt { get; } = startedAt;

    /// <summary>The steps the job counts its progress in; at least 1.</summary>
    public abstract int StepsTotal { get; }

    public JobStatus Status { get { lock (Gate) return status; } }

    public DateTimeOffset? FinishedAt { get { lock (Gate) return finishedAt; } }

    public string? Error { get { lock (Gate) return error; } }

    public int StepsDone { get { lock (Gate) return stepsDone; } }

    public int ProgressPercent
    {
        get { lock (Gate) return status == JobStatus.Done ? 100 : Math.Min(99, stepsDone * 100 / StepsTotal); }
    }

    internal void StepDone()
    {
        lock (Gate) stepsDone = Math.Min(stepsDone + 1, StepsTotal);
    }

    /// <summary>Marks the job done; called by a subclass while it holds <see cref="Gate"/> and has stored its result.</summary>
    protected void MarkDone(DateTimeOffset at)
    {
        stepsDone = StepsTotal;
        status = JobStatus.Done;
        finishedAt = at;
    }

    /// <summary>Marks the job failed by <paramref name="e"/>; <paramref name="work"/> names it in the reason ("export").</summary>
    internal void Fail(Exception e, string work, DateTimeOffset at)
    {
        lock (Gate)
        {
            error = e is OperationCanceledException ? $"The server stopped before the {work} finished." : $"The {work} failed; try again later.";
            status = JobStatus.Failed;
            finishedAt = at;
        }
    }
}
