namespace OpenCcer.Core.Methodologies.Forestry;

/// <summary>Reads the JSON fields common to the forestry methodologies (documented in <c>docs/methodologies/</c>).</summary>
internal static class ForestryJson
{
    internal const int TreesMax = 1_000_000;

    /// <summary>The common input, or null when a required part is missing (errors already recorded).</summary>
    internal static ForestryInput? Read(JsonFields root)
    {
        var mode = JsonCommon.ReadMode(root);
        var start = root.Date("project_start");
        var crediting = JsonCommon.ReadCreditingPeriod(root, mode);
        var previous = root.Object("previous", required: false) is { } p ? ReadInventory(p) : null;
        var current = root.Object("current") is { } c ? ReadInventory(c) : null;
        var baseline = root.Decimal("baseline_tco2e", required: false, min: 0m) ?? 0m;
        var leakage = root.Decimal("leakage_tco2e", required: false, min: 0m) ?? 0m;
        var settings = ReadSettings(root.Object("settings", required: false));
        if (start is null || current is null)
        {
            return null;
        }
        return new ForestryInput(mode, start.Value, crediting, previous, current, baseline, leakage, settings);
    }

    private static Inventory? ReadInventory(JsonFields inventory)
    {
        var date = inventory.Date("date");
        var trees = new List<TreeRecord>();
        foreach (var item in inventory.Array("trees", maxItems: TreesMax))
        {
            var stratum = item.String("stratum");
            var stratumArea = item.Decimal("stratum_area_ha");
            var plot = item.String("plot");
            var plotArea = item.Decimal("plot_area_m2");
            var species = item.String("species", required: false);
            var dbh = item.Decimal("dbh_cm", required: species is not null);
            var height = item.Decimal("height_m", required: species is not null);
            item.RejectUnknown();
            if (stratum is not null && stratumArea is not null && plot is not null && plotArea is not null)
            {
                trees.Add(new TreeRecord(stratum, stratumArea.Value, plot, plotArea.Value, species, dbh ?? 0m, height ?? 0m));
            }
        }
        inventory.RejectUnknown();
        return date is null ? null : new Inventory(date.Value, trees);
    }

    private static ForestrySettings ReadSettings(JsonFields? s)
    {
        var settings = ForestrySettings.Default;
        if (s is null)
        {
            return settings;
        }
        settings = settings with
        {
            CarbonFractionDefault = s.Decimal("carbon_fraction_default", required: false, min: 0.01m, max: 1m) ?? settings.CarbonFractionDefault,
            UncertaintyThresholdPercent = s.Decimal("uncertainty_threshold_percent", required: false, min: 0m, max: 100m) ?? settings.UncertaintyThresholdPercent,
            SedimentRateTcPerHaYear = s.Decimal("sediment_rate_tc_per_ha_year", required: false, min: 0m, max: 20m) ?? settings.SedimentRateTcPerHaYear,
            Rounding = JsonCommon.ReadRounding(s) ?? settings.Rounding,
        };
        s.RejectUnknown();
        return settings;
    }
}
