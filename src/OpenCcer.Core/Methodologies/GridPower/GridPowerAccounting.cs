using OpenCcer.Core.Methodologies.SolarThermal;

namespace OpenCcer.Core.Methodologies.GridPower;

/// <summary>
/// The baseline side shared by CCER-01-001-V01 and CCER-01-002-V01:
/// BE_y = (EG_export × (1 − e) − EG_import × (1 + e)) × EF_CM, EF_CM = w × OM + (1 − w) × BM.
/// </summary>
internal static class GridPowerAccounting
{
    /// <summary>Every input error of the common part; empty when the input can be calculated.</summary>
    internal static List<FieldError> Validate(GridPowerInput input, GridFactorTable table)
    {
        var errors = new List<FieldError>();
        if (input.Periods.Count == 0)
        {
            errors.Add(new FieldError("periods", "at least one period is required"));
        }
        var gridKnown = table.Find(input.Grid, GridFactorTable.YearMax).Status != GridFactorLookupStatus.UnknownGrid;
        if (!gridKnown)
        {
            errors.Add(new FieldError("grid", $"unknown grid '{input.Grid}'; known grids: {string.Join(", ", table.Grids)}"));
        }
        ValidateOverride(input.FactorOverride, errors);
        for (var i = 0; i < input.Periods.Count; i++)
        {
            var p = input.Periods[i];
            var at = $"periods[{i}]";
            if (p.End < p.Start)
            {
                errors.Add(new FieldError($"{at}.end", "must not be before start"));
            }
            if (p.Start.Year is < GridFactorTable.YearMin or > GridFactorTable.YearMax)
            {
                errors.Add(new FieldError($"{at}.start", $"year must be between {GridFactorTable.YearMin} and {GridFactorTable.YearMax}"));
            }
            else if (gridKnown && input.FactorOverride is null && !table.Find(input.Grid, p.Start.Year).Found)
            {
                errors.Add(new FieldError($"{at}.start", $"no grid factors for {input.Grid} in {p.Start.Year} or any earlier year"));
            }
            if (p.ExportMwh < 0m)
            {
                errors.Add(new FieldError($"{at}.export_mwh", "must not be negative"));
            }
            if (p.ImportMwh < 0m)
            {
                errors.Add(new FieldError($"{at}.import_mwh", "must not be negative"));
            }
            ValidateMeter(p.Meter, input.Mode, at, errors);
        }
        return errors;
    }

    internal static void ValidateMeter(MeterState? meter, CalculationMode mode, string at, List<FieldError> errors)
    {
        if (meter is null)
        {
            if (mode == CalculationMode.ExPost)
            {
                errors.Add(new FieldError($"{at}.meter_class", "is required for monitoring data (ex-post)"));
            }
            return;
        }
        if (MeterState.MaximumPermissibleErrorPercent(meter.AccuracyClass) is null)
        {
            errors.Add(new FieldError($"{at}.meter_class", $"'{meter.AccuracyClass}' is not an accuracy class such as 0.2S or 0.5"));
        }
        if (meter.MeasuredErrorPercent is { } e && Math.Abs(e) >= 100m)
        {
            errors.Add(new FieldError($"{at}.measured_error_percent", "must be between -100 and 100 (percent, not a fraction)"));
        }
    }

    /// <summary>
    /// Adds, after the methodology's own failures, the conditions both methodologies share: no trading
    /// of green electricity certificates, the crediting period, and the meter class.
    /// </summary>
    internal static void CheckApplicability(GridPowerInput input, bool tradesGreenCertificates, MethodologyInfo info, List<FieldError> failures)
    {
        if (tradesGreenCertificates)
        {
            failures.Add(new FieldError("trades_green_certificates", "a project that trades green electricity certificates may not apply"));
        }
        CreditingChecks.Check(input.CreditingPeriod, info, input.Mode, input.Periods.Select(p => (p.Start, p.End)).ToArray(), "periods", failures);
        for (var i = 0; i < input.Periods.Count; i++)
        {
            var meter = input.Periods[i].Meter;
            if (meter is not null && MeterState.MaximumPermissibleErrorPercent(meter.AccuracyClass) is { } mpe
                && mpe > input.Settings.MeterClassMaxPercent)
            {
                failures.Add(new FieldError($"periods[{i}].meter_class",
                    $"class {meter.AccuracyClass} is worse than the required class {input.Settings.MeterClassMaxPercent}"));
            }
        }
    }

    /// <summary>Per-period baseline on a validated input.</summary>
    private static IReadOnlyList<PowerPeriodResult> Baseline(GridPowerInput input, GridFactorTable table)
    {
        var results = new PowerPeriodResult[input.Periods.Count];
        for (var i = 0; i < results.Length; i++)
        {
            var p = input.Periods[i];
            var correction = MeterCorrection.For(p.Meter, p.End, input.Settings.CalibrationValidityMonths);
            var export = p.ExportMwh * (1m - correction.ErrorFraction);
            var import = p.ImportMwh * (1m + correction.ErrorFraction);
            var net = export - import;
            var factor = Factor(input, table, p.Start.Year);
            results[i] = new PowerPeriodResult(p.Start, p.End, p.ExportMwh, p.ImportMwh, correction, export, import, net,
                factor, net * factor.CombinedMarginTco2PerMwh);
        }
        return results;
    }

    /// <summary>
    /// ER = BE − PE − LE on a validated, applicable input, with LE = 0 for both methodologies and PE the
    /// sum of <paramref name="fuelLines"/> (none for offshore wind). Only CCER-01-001-V01, which has project
    /// emissions, notes when the reductions come out negative.
    /// </summary>
    internal static GridPowerResult Result(string methodologyCode, GridPowerInput input, GridFactorTable table,
        IReadOnlyList<FuelLineResult> fuelLines, bool noteNegativeReductions)
    {
        var periods = Baseline(input, table);
        var baseline = periods.Sum(p => p.BaselineTco2);
        var projectEmissions = fuelLines.Sum(l => l.EmissionsTco2);
        const decimal leakage = 0m;
        var reductions = baseline - projectEmissions - leakage;
        var factors = periods.Select(p => p.Factor).Distinct().ToArray();
        var notes = FactorNotes(factors).ToList();
        if (noteNegativeReductions && reductions < 0m)
        {
            notes.Add("Project emissions exceed the baseline: no units for this calculation.");
        }
        return new GridPowerResult(
            methodologyCode, input.Mode, input.Grid, periods, factors,
            periods.Sum(p => p.ExportMwh), periods.Sum(p => p.ExportCorrectedMwh),
            periods.Sum(p => p.ImportMwh), periods.Sum(p => p.ImportCorrectedMwh),
            periods.Sum(p => p.NetExportMwh), baseline, fuelLines, projectEmissions, leakage, reductions,
            RoundingStep.ToWholeTonnes(reductions, input.Settings.Rounding), notes);
    }

    private static IReadOnlyList<string> FactorNotes(IEnumerable<EmissionFactorUsed> factors) =>
        factors.Where(f => f.FellBackToEarlierYear)
            .Select(f => $"Grid factors for {f.Row!.Grid} {f.RequestedYear} are not published; the latest earlier year, {f.Row.Year} ({f.Row.Status}), is used.")
            .ToArray();

    private static EmissionFactorUsed Factor(GridPowerInput input, GridFactorTable table, int year)
    {
        var w = input.Settings.OperatingMarginWeight;
        if (input.FactorOverride is { } o)
        {
            var cm = o.CombinedMarginTco2PerMwh ?? (w * o.OmTco2PerMwh!.Value) + ((1m - w) * o.BmTco2PerMwh!.Value);
            return new EmissionFactorUsed(year, "override", null, false, o.OmTco2PerMwh, o.BmTco2PerMwh, w, cm);
        }
        var lookup = table.Find(input.Grid, year);
        var row = lookup.Row ?? throw new InvalidOperationException($"No grid factor for {input.Grid} {year}; inputs are validated first.");
        return new EmissionFactorUsed(year, "table", row, lookup.Status == GridFactorLookupStatus.EarlierYear,
            row.OmTco2PerMwh, row.BmTco2PerMwh, w, (w * row.OmTco2PerMwh) + ((1m - w) * row.BmTco2PerMwh));
    }

    private static void ValidateOverride(EmissionFactorOverride? o, List<FieldError> errors)
    {
        if (o is null)
        {
            return;
        }
        var margins = o.OmTco2PerMwh is not null || o.BmTco2PerMwh is not null;
        if (o.CombinedMarginTco2PerMwh is not null == margins)
        {
            errors.Add(new FieldError("emission_factor_override", "give either combined_margin_tco2_per_mwh or both om_tco2_per_mwh and bm_tco2_per_mwh"));
            return;
        }
        if (margins && (o.OmTco2PerMwh is null || o.BmTco2PerMwh is null))
        {
            errors.Add(new FieldError("emission_factor_override", "om_tco2_per_mwh and bm_tco2_per_mwh go together"));
        }
        CheckFactor(o.OmTco2PerMwh, "emission_factor_override.om_tco2_per_mwh", errors);
        CheckFactor(o.BmTco2PerMwh, "emission_factor_override.bm_tco2_per_mwh", errors);
        CheckFactor(o.CombinedMarginTco2PerMwh, "emission_factor_override.combined_margin_tco2_per_mwh", errors);
    }

    private static void CheckFactor(decimal? value, string field, List<FieldError> errors)
    {
        if (value is <= 0m or > GridFactorTable.FactorMaxTco2PerMwh)
        {
            errors.Add(new FieldError(field, $"must be above 0 and at most {GridFactorTable.FactorMaxTco2PerMwh} tCO2/MWh (is it in kg?)"));
        }
    }
}
