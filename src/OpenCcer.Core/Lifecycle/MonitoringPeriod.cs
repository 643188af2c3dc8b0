namespace OpenCcer.Core.Lifecycle;

/// <summary>
/// One continuous monitoring period, <see cref="First"/> to <see cref="Last"/>, both inclusive. Well formed
/// when <see cref="First"/> &lt;= <see cref="Last"/>; the lifecycle refuses other periods with
/// <see cref="LifecycleStatus.PeriodInvalid"/>.
/// </summary>
public readonly record struct MonitoringPeriod(DateOnly First, DateOnly Last)
{
    public bool IsWellFormed => First <= Last;

    /// <summary>Number of days, both ends counted.</summary>
    public int Days => Last.DayNumber - First.DayNumber + 1;

    /// <summary>Whether the two periods share at least one day.</summary>
    public bool Overlaps(MonitoringPeriod other) => First <= other.Last && other.First <= Last;

    public override string ToString() => $"{First:yyyy-MM-dd}..{Last:yyyy-MM-dd}";
}
