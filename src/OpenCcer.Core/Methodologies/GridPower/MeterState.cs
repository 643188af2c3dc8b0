using System.Globalization;

namespace OpenCcer.Core.Methodologies.GridPower;

/// <summary>
/// What the monitoring report says about the meter that measured one period: its accuracy class
/// (e.g. <c>0.2S</c>, <c>0.5</c>), the date of its last calibration (null: never calibrated) and, when
/// a calibration test measured it, the error in percent (positive: the meter over-reads).
/// </summary>
public sealed record MeterState(string AccuracyClass, DateOnly? CalibrationDate, decimal? MeasuredErrorPercent)
{
    /// <summary>
    /// The maximum permissible error of an accuracy class, in percent: the class number itself
    /// (class 0.5 → 0.5%, IEC 62053 / DL/T 448); the <c>S</c> suffix only extends the low-load range.
    /// Null when the class is not a positive number with an optional <c>S</c>.
    /// </summary>
    public static decimal? MaximumPermissibleErrorPercent(string accuracyClass)
    {
        var text = accuracyClass.Trim();
        if (text.EndsWith('S') || text.EndsWith('s'))
        {
            text = text[..^1];
        }
        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent) && percent > 0m
            ? percent
            : null;
    }
}
