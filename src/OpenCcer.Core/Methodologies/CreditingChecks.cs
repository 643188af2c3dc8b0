namespace OpenCcer.Core.Methodologies;

/// <summary>Crediting-period conditions every methodology shares, with limits from the catalogue.</summary>
internal static class CreditingChecks
{
    /// <summary>
    /// Adds a failure for a crediting period outside the catalogue's min/max years, for each
    /// monitored interval outside it, and for intervals that overlap. Ex-ante estimates need no
    /// crediting period and skip the interval checks.
    /// </summary>
    internal static void Check(
        CreditingPeriod? period, MethodologyInfo info, CalculationMode mode,
        IReadOnlyList<(DateOnly Start, DateOnly End)> intervals, string intervalsField, List<FieldError> failures)
    {
        if (period is not null)
        {
            if (!period.LastsAtMost(info.CreditingYearsMax))
            {
                failures.Add(new FieldError("crediting_period", $"lasts more than the {info.CreditingYearsMax} years {info.Code} allows"));
            }
            if (!period.LastsAtLeast(info.CreditingYearsMin))
            {
                failures.Add(new FieldError("crediting_period", $"lasts less than the {info.CreditingYearsMin} years {info.Code} requires"));
            }
        }
        if (mode == CalculationMode.ExAnte)
        {
            return;
        }
        if (period is null)
        {
            failures.Add(new FieldError("crediting_period", "is required for monitoring data (ex-post)"));
            return;
        }
        for (var i = 0; i < intervals.Count; i++)
        {
            var (start, end) = intervals[i];
            if (!period.Contains(start) || !period.Contains(end))
            {
                failures.Add(new FieldError($"{intervalsField}[{i}]", $"{start:yyyy-MM-dd} to {end:yyyy-MM-dd} is not inside the crediting period"));
            }
        }
        var ordered = intervals.Select((iv, i) => (iv.Start, iv.End, Index: i)).OrderBy(iv => iv.Start).ToArray();
        for (var k = 1; k < ordered.Length; k++)
        {
            if (ordered[k].Start <= ordered[k - 1].End)
            {
                failures.Add(new FieldError($"{intervalsField}[{ordered[k].Index}]", $"overlaps {intervalsField}[{ordered[k - 1].Index}]"));
            }
        }
    }
}
