namespace OpenCcer.Core.Lifecycle;

/// <summary>
/// The crediting period: from <see cref="Start"/> inclusive to <see cref="End"/> exclusive, which is
/// <see cref="Start"/> plus <see cref="Years"/> calendar years.
/// </summary>
public readonly record struct CreditingPeriod(DateOnly Start, int Years)
{
    /// <summary>The first day after the crediting period (exclusive end).</summary>
    public DateOnly End => Start.AddYears(Years);

    /// <summary>Whether every day of <paramref name="period"/> lies inside the crediting period.</summary>
    public bool Contains(MonitoringPeriod period) => Start <= period.First && period.Last < End;
}
