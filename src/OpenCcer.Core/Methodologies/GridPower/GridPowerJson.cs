namespace OpenCcer.Core.Methodologies.GridPower;

/// <summary>
/// Reads the JSON fields common to the grid-connected power methodologies (documented in
/// <c>docs/methodologies/</c>). Ex-ante input gives one expected year; ex-post input lists periods.
/// </summary>
internal static class GridPowerJson
{
    internal const int PeriodsMax = 10_000;

    internal static GridPowerInput Read(JsonFields root, CalculationMode mode)
    {
        var grid = root.String("grid") ?? "";
        var settings = ReadSettings(root.Object("settings", required: false));
        var crediting = JsonCommon.ReadCreditingPeriod(root, mode);
        EmissionFactorOverride? factorOverride = null;
        if (root.Object("emission_factor_override", required: false) is { } o)
        {
            factorOverride = new EmissionFactorOverride(
                o.Decimal("om_tco2_per_mwh", required: false),
                o.Decimal("bm_tco2_per_mwh", required: false),
                o.Decimal("combined_margin_tco2_per_mwh", required: false));
            o.RejectUnknown();
        }
        var periods = mode == CalculationMode.ExAnte ? ReadExAnte(root) : ReadPeriods(root);
        return new GridPowerInput(mode, grid, crediting, periods, factorOverride, settings);
    }

    internal static MeterState? ReadMeter(JsonFields item)
    {
        var meterClass = item.String("meter_class");
        var calibration = item.Date("calibration_date", required: false);
        var measured = item.Decimal("measured_error_percent", required: false, min: -99.99m, max: 99.99m);
        return meterClass is null ? null : new MeterState(meterClass, calibration, measured);
    }

    private static IReadOnlyList<PowerPeriod> ReadExAnte(JsonFields root)
    {
        var year = root.Int("year", true, GridFactorTable.YearMin, GridFactorTable.YearMax);
        var export = root.Decimal("expected_annual_export_mwh", min: 0m);
        var import = root.Decimal("expected_annual_import_mwh", required: false, min: 0m) ?? 0m;
        if (year is null || export is null)
        {
            return [];
        }
        return [new PowerPeriod(new DateOnly(year.Value, 1, 1), new DateOnly(year.Value, 12, 31), export.Value, import, null)];
    }

    private static IReadOnlyList<PowerPeriod> ReadPeriods(JsonFields root)
    {
        var periods = new List<PowerPeriod>();
        foreach (var item in root.Array("periods", maxItems: PeriodsMax))
        {
            var start = item.Date("start");
            var end = item.Date("end");
            var export = item.Decimal("export_mwh", min: 0m);
            var import = item.Decimal("import_mwh", min: 0m);
            var meter = ReadMeter(item);
            item.RejectUnknown();
            if (start is not null && end is not null && export is not null && import is not null)
            {
                periods.Add(new PowerPeriod(start.Value, end.Value, export.Value, import.Value, meter));
            }
        }
        return periods;
    }

    private static GridPowerSettings ReadSettings(JsonFields? s)
    {
        var settings = GridPowerSettings.Default;
        if (s is null)
        {
            return settings;
        }
        settings = settings with
        {
            OffshoreDistanceMinKm = s.Decimal("offshore_distance_min_km", required: false, min: 0m) ?? settings.OffshoreDistanceMinKm,
            WaterDepthMinM = s.Decimal("water_depth_min_m", required: false, min: 0m) ?? settings.WaterDepthMinM,
            MeterClassMaxPercent = s.Decimal("meter_class_max_percent", required: false, min: 0m, max: 10m) ?? settings.MeterClassMaxPercent,
            CalibrationValidityMonths = s.Int("calibration_validity_months", false, 1, 120) ?? settings.CalibrationValidityMonths,
            OperatingMarginWeight = s.Decimal("operating_margin_weight", required: false, min: 0m, max: 1m) ?? settings.OperatingMarginWeight,
            Rounding = JsonCommon.ReadRounding(s) ?? settings.Rounding,
        };
        s.RejectUnknown();
        return settings;
    }
}
