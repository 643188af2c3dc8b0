namespace OpenCcer.Benchmarks;

/// <summary>Median and percentiles of measured samples.</summary>
public static class Stats
{
    public static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>The nearest-rank percentile of an ascending array.</summary>
    public static double Percentile(double[] ascending, double percent)
    {
        if (ascending.Length == 0) return double.NaN;
        var rank = (int)Math.Ceiling(percent / 100 * ascending.Length);
        return ascending[Math.Clamp(rank - 1, 0, ascending.Length - 1)];
    }
}
