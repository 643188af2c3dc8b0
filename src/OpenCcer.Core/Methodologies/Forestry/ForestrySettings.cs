namespace OpenCcer.Core.Methodologies.Forestry;

/// <summary>
/// CONFIGURABLE values of the forestry methodologies (rule book: IPCC-based accounting pending the
/// full methodology text), with their defaults.
/// </summary>
public sealed record ForestrySettings
{
    /// <summary>Carbon fraction of dry biomass where the species table gives none (rule book: 0.47).</summary>
    public decimal CarbonFractionDefault { get; init; } = 0.47m;

    /// <summary>No deduction while the 90% confidence half-width is at most this share of the mean (percent).</summary>
    public decimal UncertaintyThresholdPercent { get; init; } = 10m;

    /// <summary>
    /// Mangrove sediment carbon accumulation, tC per ha per year: the IPCC 2013 Wetlands Supplement
    /// default for revegetated mangroves (Table 4.12).
    /// </summary>
    public decimal SedimentRateTcPerHaYear { get; init; } = 1.62m;

    /// <summary>Length of a year when an interval in days is turned into years.</summary>
    public decimal DaysPerYear { get; init; } = 365.25m;

    public RoundingRule Rounding { get; init; } = RoundingRule.Down;

    public static readonly ForestrySettings Default = new();
}
