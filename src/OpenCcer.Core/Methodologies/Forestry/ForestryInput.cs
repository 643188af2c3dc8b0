namespace OpenCcer.Core.Methodologies.Forestry;

/// <summary>
/// The part of a forestry calculation common to afforestation and mangrove planting. The interval
/// runs from <see cref="Previous"/>'s date (or <see cref="ProjectStart"/> when there is no previous
/// inventory, the stock then being zero: planting on land without trees) to <see cref="Current"/>'s date.
/// Baseline and leakage are totals for the interval in tCO2e, never negative.
/// </summary>
public sealed record ForestryInput(
    CalculationMode Mode,
    DateOnly ProjectStart,
    CreditingPeriod? CreditingPeriod,
    Inventory? Previous,
    Inventory Current,
    decimal BaselineTco2e,
    decimal LeakageTco2e,
    ForestrySettings Settings)
{
    public DateOnly IntervalStart => Previous?.Date ?? ProjectStart;
}
