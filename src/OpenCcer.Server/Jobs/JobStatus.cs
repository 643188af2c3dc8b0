namespace OpenCcer.Server.Jobs;

/// <summary>Where a background job is: shown by the job endpoints as <c>running</c>, <c>done</c> or <c>failed</c>.</summary>
public enum JobStatus
{
    Running = 1,
    Done = 2,
    Failed = 3,
}
