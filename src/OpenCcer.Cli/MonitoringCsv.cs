using System.Globalization;
using System.Text.Json.Nodes;
using OpenCcer.Core.Methodologies;
using OpenCcer.Core.Methodologies.Import;

namespace OpenCcer.Cli;

/// <summary>Turns imported monitoring CSV rows into the JSON arrays of the methodology input shapes.</summary>
internal static class MonitoringCsv
{
    internal static JsonArray? Periods(string text, out IReadOnlyList<FieldError> errors)
    {
        var import = MeterReadingCsv.Parse(text);
        errors = import.Errors;
        if (!import.Succeeded)
        {
            return null;
        }
        var rows = new JsonArray();
        foreach (var p in import.Rows)
        {
            var row = new JsonObject
            {
                ["start"] = Date(p.Start),
                ["end"] = Date(p.End),
                ["export_mwh"] = p.ExportMwh,
                ["import_mwh"] = p.ImportMwh,
                ["meter_class"] = p.Meter!.AccuracyClass,
            };
            if (p.Meter.CalibrationDate is { } calibrated)
            {
                row["calibration_date"] = Date(calibrated);
            }
            if (p.Meter.MeasuredErrorPercent is { } measured)
            {
                row["measured_error_percent"] = measured;
            }
            rows.Add(row);
        }
        return rows;
    }

    internal static JsonArray? Trees(string text, out IReadOnlyList<FieldError> errors)
    {
        var import = SamplePlotCsv.Parse(text);
        errors = import.Errors;
        if (!import.Succeeded)
        {
            return null;
        }
        var rows = new JsonArray();
        foreach (var t in import.Rows)
        {
            var row = new JsonObject
            {
                ["stratum"] = t.Stratum,
                ["stratum_area_ha"] = t.StratumAreaHa,
                ["plot"] = t.Plot,
                ["plot_area_m2"] = t.PlotAreaM2,
            };
            if (t.Species is not null)
            {
                row["species"] = t.Species;
                row["dbh_cm"] = t.DbhCm;
                row["height_m"] = t.HeightM;
            }
            rows.Add(row);
        }
        return rows;
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
