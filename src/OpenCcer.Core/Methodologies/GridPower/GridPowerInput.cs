namespace OpenCcer.Core.Methodologies.GridPower;

/// <summary>
/// The part of a grid-connected power calculation common to offshore wind and solar thermal.
/// Ex-ante: one period per expected year, without meters. Ex-post: the monitored periods, each with
/// its meter; periods may not overlap and must lie inside the crediting period.
/// </summary>
public sealed record GridPowerInput(
    CalculationMode Mode,
    string Grid,
    CreditingPeriod? CreditingPeriod,
    IReadOnlyList<PowerPeriod> Periods,
    EmissionFactorOverride? FactorOverride,
    GridPowerSettings Settings);
