using OpenCcer.Core.Methodologies.SolarThermal;

namespace OpenCcer.Core.Methodologies.GridPower;

/// <summary>
/// Result of a grid-connected power calculation, with every intermediate value:
/// ER = BE − PE − LE, BE = Σ EG_PJ × EF_CM over periods, PE = Σ fuel lines (0 for offshore wind),
/// LE = 0. Totals are sums of the per-period and per-line values shown.
/// </summary>
public sealed record GridPowerResult(
    string MethodologyCode,
    CalculationMode Mode,
    string Grid,
    IReadOnlyList<PowerPeriodResult> Periods,
    IReadOnlyList<EmissionFactorUsed> FactorsUsed,
    decimal ExportMwh,
    decimal ExportCorrectedMwh,
    decimal ImportMwh,
    decimal ImportCorrectedMwh,
    decimal NetExportMwh,
    decimal BaselineTco2,
    IReadOnlyList<FuelLineResult> FuelLines,
    decimal ProjectEmissionsTco2,
    decimal LeakageTco2,
    decimal ReductionsTco2,
    RoundingStep Rounding,
    IReadOnlyList<string> Notes)
    : ReductionResult(MethodologyCode, Mode, Rounding, Notes);
