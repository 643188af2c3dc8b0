using OpenCcer.Application.Exports;
using OpenCcer.Server.Jobs;

namespace OpenCcer.Server.Exports;

/// <summary>
/// One export running in the background: the lists it writes, how many of its steps are done (one step per
/// list loaded, one for writing the file) and, once finished, the file or the reason it failed.
/// The progress reaches 100% only when the file is there.
/// </summary>
public sealed class ExportJob(Guid id, IReadOnlyList<string> lists, string listName, ExportFormat format, DateTimeOffset startedAt)
    : BackgroundJob(id, startedAt)
{
    private byte[]? content;

    public IReadOnlyList<string> Lists { get; } = lists;
    public string ListName { get; } = listName;
    public ExportFormat Format { get; } = format;

    /// <summary>Each list is one step, writing the file is the last.</summary>
    public override int StepsTotal => Lists.Count + 1;

    public string FileName => $"openccer-{ListName}.{ExportWriter.Extension(Format)}";

    public string ContentType => ExportWriter.ContentType(Format);

    public byte[]? Content { get { lock (Gate) return content; } }

    internal void Finish(byte[] file, DateTimeOffset at)
    {
        lock (Gate)
        {
            content = file;
            MarkDone(at);
        }
    }
}
