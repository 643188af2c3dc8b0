namespace OpenCcer.Web.Tests;

/// <summary>
/// The wall clock moved to a chosen instant and then running normally; <see cref="Advance"/> jumps ahead, so a
/// 20-working-day notice can end within a test. Only the server's lifecycle and sign-in read it.
/// </summary>
public sealed class ShiftedTime(DateTimeOffset start) : TimeProvider
{
    private readonly object gate = new();
    private TimeSpan offset = start - DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate) return System.GetUtcNow() + offset;
    }

    public void Advance(TimeSpan by)
    {
        lock (gate) offset += by;
    }
}
