namespace OpenCcer.Core.Primitives;

/// <summary>
/// China Standard Time (UTC+08:00, no daylight saving): the one place that turns an instant into China's
/// business date and time of day. Business dates (notice periods, trading days, compliance deadlines) are
/// China's, whatever the server's own time zone. Pure: every question names its instant; only
/// <see cref="Today"/> asks a <see cref="TimeProvider"/>, which adapters pass in.
/// </summary>
public static class ChinaClock
{
    /// <summary>UTC+08:00.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The instant as China Standard Time.</summary>
    public static DateTimeOffset Local(DateTimeOffset at) => at.ToOffset(Offset);

    /// <summary>China's date at an instant.</summary>
    public static DateOnly DateOf(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime + Offset);

    /// <summary>China's time of day at an instant.</summary>
    public static TimeOnly TimeOf(DateTimeOffset at) => TimeOnly.FromDateTime(at.UtcDateTime + Offset);

    /// <summary>The instant of a China Standard Time wall-clock reading.</summary>
    public static DateTimeOffset At(DateTime local) => new(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Offset);

    /// <summary>The instant a China date and time of day name.</summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time) => At(date.ToDateTime(time));

    /// <summary>Today's business date in China by <paramref name="time"/>.</summary>
    public static DateOnly Today(TimeProvider time) => DateOf(time.GetUtcNow());
}
