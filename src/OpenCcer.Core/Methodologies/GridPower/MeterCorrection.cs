namespace OpenCcer.Core.Methodologies.GridPower;

/// <summary>
/// The error e applied to one period, as a fraction (0.005 = 0.5%). Invariant: e ≥ 0, so a correction
/// can only lower exports (× (1 − e)) and raise imports and fuel (× (1 + e)): conservative in both
/// directions, which is why a negative measured error (under-reading) is applied by its magnitude.
/// </summary>
public sealed record MeterCorrection(MeterErrorBasis Basis, decimal ErrorFraction, decimal? MaximumPermissibleErrorPercent)
{
    public static readonly MeterCorrection None = new(MeterErrorBasis.NotMetered, 0m, null);

    /// <summary>
    /// The correction for a period ending on <paramref name="periodEnd"/> (inclusive). A calibration
    /// covers the period when it took place on or before the period end and no more than
    /// <paramref name="calibrationValidityMonths"/> months before it (rule book: calibrated yearly).
    /// An uncovered period takes the larger of the class's maximum permissible error and the measured error.
    /// </summary>
    public static MeterCorrection For(MeterState? meter, DateOnly periodEnd, int calibrationValidityMonths)
    {
        if (meter is null)
        {
            return None;
        }
        var mpe = MeterState.MaximumPermissibleErrorPercent(meter.AccuracyClass)
            ?? throw new ArgumentException($"Accuracy class '{meter.AccuracyClass}' is not valid; inputs are validated first.", nameof(meter));
        var measured = Math.Abs(meter.MeasuredErrorPercent ?? 0m);
        if (meter.CalibrationDate is not { } calibrated || calibrated > periodEnd)
        {
            return new MeterCorrection(MeterErrorBasis.Uncalibrated, Math.Max(mpe, measured) / 100m, mpe);
        }
        if (calibrated.AddMonths(calibrationValidityMonths) < periodEnd)
        {
            return new MeterCorrection(MeterErrorBasis.CalibrationLate, Math.Max(mpe, measured) / 100m, mpe);
        }
        return meter.MeasuredErrorPercent is null
            ? new MeterCorrection(MeterErrorBasis.CalibratedNoError, 0m, mpe)
            : new MeterCorrection(MeterErrorBasis.Measured, measured / 100m, mpe);
    }
}
