namespace OpenCcer.Storage.Lifecycle;

/// <summary>A clock the demo seed moves by hand, so seeded histories have fixed, realistic dates.</summary>
public sealed class SeedClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;

    public void MoveTo(DateTimeOffset moment)
    {
        if (moment < now) throw new ArgumentOutOfRangeException(nameof(moment), "The seed clock only moves forward.");
        now = moment;
    }
}
