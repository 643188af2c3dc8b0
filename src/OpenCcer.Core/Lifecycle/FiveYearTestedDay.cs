namespace OpenCcer.Core.Lifecycle;

/// <summary>Which day of a monitoring period the five-year rule (M 17) tests. Values are stable.</summary>
public enum FiveYearTestedDay
{
    /// <summary>The first day: every day of the period is within five years (the conservative default).</summary>
    PeriodStart = 0,

    /// <summary>The last day: the period ends within five years.</summary>
    PeriodEnd = 1,
}
