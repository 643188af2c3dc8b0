using OpenCcer.Storage.Exports;

namespace OpenCcer.Server.Exports;

/// <summary>
/// One export running in the background: the lists it writes, how many of its steps are done (one step per
/// list loaded, one for writing the file) and, once finished, the file or the reason it failed.
/// The progress reaches 100% only when the file is there.
/// </summary>
public sealed class ExportJob(Guid id, IReadOnlyList<string> lists, string listName, ExportFormat format, DateTimeOffset startedAt)
{
    private readonly Lock gate = new();
    private int stepsDone;
    private ExportJobStatus status = ExportJobStatus.Running;
    private byte[]? content;
    private string? error;
    private DateTimeOffset? finishedAt;

    public Guid Id { get; } = id;
    public IReadOnlyList<string> Lists { get; } = lists;
    public string ListName { get; } = listName;
    public ExportFormat Format { get; } = format;
    public DateTimeOffset StartedAt { get; } = startedAt;

    /// <summary>Each list is one step, writing the file is the last.</summary>
    public int StepsTotal => Lists.Count + 1;

    public string FileName => $"openccer-{ListName}.{ExportWriter.Extension(Format)}";

    public string ContentType => ExportWriter.ContentType(Format);

    public ExportJobStatus Status { get { lock (gate) return status; } }

    public DateTimeOffset? FinishedAt { get { lock (gate) return finishedAt; } }

    public byte[]? Content { get { lock (gate) return content; } }

    public string? Error { get { lock (gate) return error; } }

    public int ProgressPercent
    {
        get { lock (gate) return status == ExportJobStatus.Done ? 100 : Math.Min(99, stepsDone * 100 / StepsTotal); }
    }

    internal void StepDone()
    {
        lock (gate) stepsDone++;
    }

    internal void Finish(byte[] file, DateTimeOffset at)
    {
        lock (gate)
        {
            content = file;
            stepsDone = StepsTotal;
            status = ExportJobStatus.Done;
            finishedAt = at;
        }
    }

    internal void Fail(string reason, DateTimeOffset at)
    {
        lock (gate)
        {
            error = reason;
            status = ExportJobStatus.Failed;
            finishedAt = at;
        }
    }
}

public enum ExportJobStatus
{
    Running = 1,
    Done = 2,
    Failed = 3,
}
