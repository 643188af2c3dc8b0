using OpenCcer.Core.Methodologies.GridPower;

namespace OpenCcer.Core.Tests.Methodologies;

public sealed class MeterCorrectionTests
{
    [Theory]
    [InlineData("0.2S", "2024-01-10", null, MeterErrorBasis.CalibratedNoError, "0")]
    [InlineData("0.2S", "2024-01-10", "0.15", MeterErrorBasis.Measured, "0.0015")]
    [InlineData("0.2S", "2024-01-10", "-0.15", MeterErrorBasis.Measured, "0.0015")]
    [InlineData("0.5S", "2023-05-30", null, MeterErrorBasis.CalibrationLate, "0.005")]
    [InlineData("0.5", "2023-06-30", null, MeterErrorBasis.CalibratedNoError, "0")]
    [InlineData("0.2S", null, null, MeterErrorBasis.Uncalibrated, "0.002")]
    [InlineData("0.2S", null, "0.35", MeterErrorBasis.Uncalibrated, "0.0035")]
    [InlineData("0.5", "2024-07-01", null, MeterErrorBasis.Uncalibrated, "0.005")]
    public void error_is_the_measured_one_or_the_class_maximum_when_uncalibrated_or_late(
        string meterClass, string? calibrated, string? measured, MeterErrorBasis basis, string fraction)
    {
        var meter = new MeterState(meterClass, calibrated is null ? null : DateOnly.Parse(calibrated, System.Globalization.CultureInfo.InvariantCulture),
            measured is null ? null : decimal.Parse(measured, System.Globalization.CultureInfo.InvariantCulture));

        var correction = MeterCorrection.For(meter, new DateOnly(2024, 6, 30), 12);

        Assert.Equal(basis, correction.Basis);
        Assert.Equal(decimal.Parse(fraction, System.Globalization.CultureInfo.InvariantCulture), correction.ErrorFraction);
    }

    [Theory]
    [InlineData("0.2S", "0.2")]
    [InlineData("0.5", "0.5")]
    [InlineData("1.0", "1.0")]
    [InlineData("x", null)]
    [InlineData("-0.5", null)]
    public void class_maximum_permissible_error_is_the_class_number(string meterClass, string? percent)
    {
        Assert.Equal(percent is null ? null : decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture),
            MeterState.MaximumPermissibleErrorPercent(meterClass));
    }
}
