namespace OpenCcer.Core.Methodologies.GridPower;

/// <summary>
/// CONFIGURABLE values of the grid-connected power methodologies, with the rule book's defaults.
/// </summary>
public sealed record GridPowerSettings
{
    /// <summary>Offshore wind applies beyond this distance from shore (CCER-01-002-V01).</summary>
    public decimal OffshoreDistanceMinKm { get; init; } = 30m;

    /// <summary>... or in water deeper than this (CCER-01-002-V01).</summary>
    public decimal WaterDepthMinM { get; init; } = 30m;

    /// <summary>Electricity meters must be this class or better (class 0.5 → 0.5%).</summary>
    public decimal MeterClassMaxPercent { get; init; } = 0.5m;

    /// <summary>A calibration covers this many months ("calibrated yearly").</summary>
    public int CalibrationValidityMonths { get; init; } = 12;

    /// <summary>Weight of the operating margin in the combined margin; the build margin gets the rest.</summary>
    public decimal OperatingMarginWeight { get; init; } = 0.5m;

    public RoundingRule Rounding { get; init; } = RoundingRule.Down;

    public static readonly GridPowerSettings Default = new();
}
