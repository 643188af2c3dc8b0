using OpenCcer.Core.Methodologies.GridPower;

namespace OpenCcer.Core.Methodologies.Import;

/// <summary>
/// Parses a meter-readings CSV (one period per row, dates inclusive, energies in MWh) into power
/// periods. Header: <c>period_start,period_end,export_mwh,import_mwh,meter_class,calibration_date,measured_error_percent</c>;
/// the last two may be empty. All rows or none: see <see cref="ImportResult{T}"/>.
/// </summary>
public static class MeterReadingCsv
{
    public static readonly string[] Header =
        ["period_start", "period_end", "export_mwh", "import_mwh", "meter_class", "calibration_date", "measured_error_percent"];

    /// <summary>Reads the file; <paramref name="rowRead"/>, when given, is called once per line below the header (for progress).</summary>
    public static ImportResult<PowerPeriod> Parse(string text, Action? rowRead = null) => CsvRows.Import(text, Header, ParseRow, rowRead);

    private static PowerPeriod? ParseRow(CsvRows.Cells cells)
    {
        var start = cells.Date(0);
        var end = cells.Date(1);
        var export = cells.Decimal(2);
        var import = cells.Decimal(3);
        var meterClass = cells.Text(4);
        var calibration = cells.Date(5, required: false);
        var measured = cells.SignedDecimal(6);
        if (meterClass is not null && MeterState.MaximumPermissibleErrorPercent(meterClass) is null)
        {
            cells.Error(4, $"'{meterClass}' is not an accuracy class such as 0.2S or 0.5");
        }
        if (start is not null && end < start)
        {
            cells.Error(1, "must not be before period_start");
        }
        if (measured is { } e && Math.Abs(e) >= 100m)
        {
            cells.Error(6, "must be between -100 and 100 (percent, not a fraction)");
        }
        if (start is null || end is null || export is null || import is null || meterClass is null)
        {
            return null;
        }
        return new PowerPeriod(start.Value, end.Value, export.Value, import.Value, new MeterState(meterClass, calibration, measured));
    }
}
