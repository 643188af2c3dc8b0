namespace OpenCcer.Core.Methodologies.Forestry;

/// <summary>Validation and carbon accounting shared by CCER-14-001-V01 and CCER-14-002-V01.</summary>
internal static class ForestryAccounting
{
    internal const decimal DbhMaxCm = 500m;
    internal const decimal HeightMaxM = 150m;

    internal static List<FieldError> Validate(ForestryInput input, SpeciesTable species)
    {
        var errors = new List<FieldError>();
        if (input.Previous is { } previous)
        {
            ValidateInventory(previous, "previous", species, requireTwoPlots: false, errors);
        }
        ValidateInventory(input.Current, "current", species, requireTwoPlots: input.Mode == CalculationMode.ExPost, errors);
        if (input.Current.Date <= input.IntervalStart)
        {
            errors.Add(new FieldError("current.date", $"must be after the interval start {input.IntervalStart:yyyy-MM-dd}"));
        }
        if (input.BaselineTco2e < 0m)
        {
            errors.Add(new FieldError("baseline_tco2e", "must not be negative"));
        }
        if (input.LeakageTco2e < 0m)
        {
            errors.Add(new FieldError("leakage_tco2e", "must not be negative"));
        }
        return errors;
    }

    internal static void CheckCrediting(ForestryInput input, MethodologyInfo info, List<FieldError> failures) =>
        CreditingChecks.Check(input.CreditingPeriod, info, input.Mode, [(input.IntervalStart, input.Current.Date)], "monitoring_interval", failures);

    internal static ForestryResult Compute(string code, ForestryInput input, SpeciesTable species, decimal? sedimentRate)
    {
        var settings = input.Settings;
        var previous = input.Previous is null ? null : CarbonStock.Estimate(input.Previous, species, settings);
        var current = CarbonStock.Estimate(input.Current, species, settings);
        var years = (input.Current.Date.DayNumber - input.IntervalStart.DayNumber) / settings.DaysPerYear;
        var change = current.StockTco2e - (previous?.StockTco2e ?? 0m);
        var notes = new List<string>();
        if (previous is null)
        {
            notes.Add("No previous inventory: the stock at the project start is taken as zero (planting on land without trees).");
        }

        SamplingUncertainty? uncertainty = null;
        var deduction = 0m;
        if (input.Mode == CalculationMode.ExPost)
        {
            uncertainty = SamplingUncertainty.Of(current, settings.UncertaintyThresholdPercent);
            if (change > 0m && uncertainty.DeductionFraction > 0m)
            {
                deduction = change * uncertainty.DeductionFraction;
                notes.Add($"Sampling uncertainty {uncertainty.HalfWidthPercent:0.##}% exceeds {settings.UncertaintyThresholdPercent}%: the stock change is reduced by {uncertainty.DeductionFraction:P2}.");
            }
        }

        SedimentPool? sediment = null;
        if (sedimentRate is { } rate)
        {
            var area = current.Strata.Sum(s => s.AreaHa);
            sediment = new SedimentPool(area, rate, years, area * rate * years * 44m / 12m);
        }
        var net = change - deduction + (sediment?.Tco2e ?? 0m) - input.BaselineTco2e - input.LeakageTco2e;
        var annual = net / years;
        if (net < 0m)
        {
            notes.Add("The net change is negative (a reversal): no units for this calculation.");
        }
        var rounded = RoundingStep.ToWholeTonnes(input.Mode == CalculationMode.ExAnte ? annual : net, settings.Rounding);
        return new ForestryResult(code, input.Mode, input.IntervalStart, input.Current.Date, years, previous, current, change,
            uncertainty, deduction, sediment, input.BaselineTco2e, input.LeakageTco2e, net, annual, rounded, notes);
    }

    private static void ValidateInventory(Inventory inventory, string at, SpeciesTable species, bool requireTwoPlots, List<FieldError> errors)
    {
        if (inventory.Trees.Count == 0)
        {
            errors.Add(new FieldError($"{at}.trees", "at least one row is required"));
            return;
        }
        var strataAreas = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var plotAreas = new Dictionary<(string, string), decimal>();
        for (var i = 0; i < inventory.Trees.Count; i++)
        {
            var t = inventory.Trees[i];
            var row = $"{at}.trees[{i}]";
            if (t.StratumAreaHa <= 0m)
            {
                errors.Add(new FieldError($"{row}.stratum_area_ha", "must be above 0"));
            }
            else if (strataAreas.TryGetValue(t.Stratum, out var area) && area != t.StratumAreaHa)
            {
                errors.Add(new FieldError($"{row}.stratum_area_ha", $"stratum {t.Stratum} was given {area} ha on an earlier row"));
            }
            strataAreas.TryAdd(t.Stratum, t.StratumAreaHa);
            if (t.PlotAreaM2 <= 0m)
            {
                errors.Add(new FieldError($"{row}.plot_area_m2", "must be above 0"));
            }
            else if (plotAreas.TryGetValue((t.Stratum, t.Plot), out var plotArea) && plotArea != t.PlotAreaM2)
            {
                errors.Add(new FieldError($"{row}.plot_area_m2", $"plot {t.Plot} was given {plotArea} m² on an earlier row"));
            }
            plotAreas.TryAdd((t.Stratum, t.Plot), t.PlotAreaM2);
            if (t.Species is null)
            {
                continue;
            }
            if (species.Find(t.Species) is null)
            {
                errors.Add(new FieldError($"{row}.species", $"unknown species '{t.Species}'; known: {string.Join(", ", species.Rows.Select(r => r.Species))}"));
            }
            if (t.DbhCm is <= 0m or > DbhMaxCm)
            {
                errors.Add(new FieldError($"{row}.dbh_cm", $"must be above 0 and at most {DbhMaxCm} cm (is it in mm?)"));
            }
            if (t.HeightM is <= 0m or > HeightMaxM)
            {
                errors.Add(new FieldError($"{row}.height_m", $"must be above 0 and at most {HeightMaxM} m (is it in cm?)"));
            }
        }
        if (requireTwoPlots)
        {
            foreach (var single in plotAreas.Keys.GroupBy(k => k.Item1).Where(g => g.Count() < 2))
            {
                errors.Add(new FieldError($"{at}.trees", $"stratum {single.Key} needs at least two plots to estimate sampling uncertainty"));
            }
        }
    }
}
