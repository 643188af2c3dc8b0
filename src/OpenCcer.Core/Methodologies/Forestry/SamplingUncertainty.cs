namespace OpenCcer.Core.Methodologies.Forestry;

/// <summary>
/// Sampling uncertainty of a stratified stock estimate at 90% confidence:
/// SE = √(Σ A_j² s_j² / n_j), half-width = t(0.95, Σ(n_j − 1)) × SE, relative half-width = half-width / stock.
/// Deduction fraction = max(0, relative half-width − threshold), both in percent, divided by 100.
/// </summary>
public sealed record SamplingUncertainty(
    int DegreesOfFreedom,
    decimal TValue,
    decimal StandardErrorTco2e,
    decimal HalfWidthTco2e,
    decimal HalfWidthPercent,
    decimal ThresholdPercent,
    decimal DeductionFraction)
{
    // Student's t, one-sided 0.95 (two-sided 90%), for 1 to 30 degrees of freedom, then 40, 60, 120, ∞.
    private static readonly decimal[] TSmall =
    [
        6.314m, 2.920m, 2.353m, 2.132m, 2.015m, 1.943m, 1.895m, 1.860m, 1.833m, 1.812m,
        1.796m, 1.782m, 1.771m, 1.761m, 1.753m, 1.746m, 1.740m, 1.734m, 1.729m, 1.725m,
        1.721m, 1.717m, 1.714m, 1.711m, 1.708m, 1.706m, 1.703m, 1.701m, 1.699m, 1.697m,
    ];

    /// <summary>
    /// t for <paramref name="degreesOfFreedom"/>; between table rows the smaller degrees of freedom
    /// (larger t) is used, which never understates the uncertainty.
    /// </summary>
    public static decimal T90(int degreesOfFreedom) => degreesOfFreedom switch
    {
        < 1 => throw new ArgumentOutOfRangeException(nameof(degreesOfFreedom), degreesOfFreedom, "At least one degree of freedom."),
        <= 30 => TSmall[degreesOfFreedom - 1],
        < 40 => 1.697m,
        < 60 => 1.684m,
        < 120 => 1.671m,
        _ => 1.658m,
    };

    internal static SamplingUncertainty Of(StockEstimate stock, decimal thresholdPercent)
    {
        var variance = 0m;
        var dof = 0;
        foreach (var s in stock.Strata)
        {
            var v = s.VarianceTco2ePerHaSquared ?? throw new InvalidOperationException("Strata need two plots; inputs are validated first.");
            variance += s.AreaHa * s.AreaHa * v / s.Plots.Count;
            dof += s.Plots.Count - 1;
        }
        var se = DecimalMath.Sqrt(variance);
        var t = T90(dof);
        var halfWidth = t * se;
        var percent = stock.StockTco2e > 0m ? halfWidth / stock.StockTco2e * 100m : 0m;
        var deduction = Math.Max(0m, percent - thresholdPercent) / 100m;
        return new SamplingUncertainty(dof, t, se, halfWidth, percent, thresholdPercent, Math.Min(deduction, 1m));
    }
}
