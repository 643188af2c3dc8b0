namespace OpenCcer.Core.Lifecycle;

/// <summary>
/// CONFIGURABLE reduction rules. The text of M 17 does not say which day of a period the five-year limit
/// tests; the default tests the start, the conservative reading.
/// </summary>
public sealed record ReductionRules(FiveYearTestedDay FiveYearTestedDay)
{
    public static ReductionRules Default { get; } = new(FiveYearTestedDay.PeriodStart);
}
