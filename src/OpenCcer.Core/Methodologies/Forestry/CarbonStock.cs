namespace OpenCcer.Core.Methodologies.Forestry;

/// <summary>
/// Carbon stock of a sample-plot inventory. Per tree: B from the species' equation, carbon
/// = B × CF × 44/12 (tCO2e). Per plot: density = Σ carbon × 10,000 / plot area (tCO2e/ha). Per
/// stratum: stock = area × mean plot density. Strata and plots keep their first-appearance order.
/// </summary>
internal static class CarbonStock
{
    internal static StockEstimate Estimate(Inventory inventory, SpeciesTable species, ForestrySettings settings)
    {
        var strata = new List<(string Name, decimal AreaHa, List<PlotAccumulator> Plots)>();
        var strataIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var plotIndex = new Dictionary<(string, string), PlotAccumulator>();
        var treeCount = 0;
        foreach (var tree in inventory.Trees)
        {
            if (!strataIndex.TryGetValue(tree.Stratum, out var s))
            {
                s = strata.Count;
                strataIndex[tree.Stratum] = s;
                strata.Add((tree.Stratum, tree.StratumAreaHa, []));
            }
            if (!plotIndex.TryGetValue((tree.Stratum, tree.Plot), out var plot))
            {
                plot = new PlotAccumulator(tree.Plot, tree.PlotAreaM2);
                plotIndex[(tree.Stratum, tree.Plot)] = plot;
                strata[s].Plots.Add(plot);
            }
            if (tree.Species is null)
            {
                continue;
            }
            var parameters = species.Find(tree.Species) ?? throw new InvalidOperationException($"Unknown species {tree.Species}; inputs are validated first.");
            var biomass = BiomassT(parameters, tree.DbhCm, tree.HeightM);
            var cf = parameters.CarbonFraction ?? settings.CarbonFractionDefault;
            plot.Trees++;
            plot.BiomassT += biomass;
            // Multiply by 44 before dividing by 12 so the molar-mass ratio adds no rounding of its own.
            plot.CarbonTco2e += biomass * cf * 44m / 12m;
            treeCount++;
        }

        var estimates = new StratumEstimate[strata.Count];
        for (var i = 0; i < strata.Count; i++)
        {
            var (name, area, plots) = strata[i];
            var plotEstimates = plots.Select(p => new PlotEstimate(p.Plot, p.AreaM2, p.Trees, p.BiomassT, p.CarbonTco2e,
                p.CarbonTco2e * 10_000m / p.AreaM2)).ToArray();
            var mean = plotEstimates.Sum(p => p.DensityTco2ePerHa) / plotEstimates.Length;
            decimal? variance = plotEstimates.Length < 2
                ? null
                : plotEstimates.Sum(p => (p.DensityTco2ePerHa - mean) * (p.DensityTco2ePerHa - mean)) / (plotEstimates.Length - 1);
            estimates[i] = new StratumEstimate(name, area, plotEstimates, mean, variance, area * mean);
        }
        return new StockEstimate(inventory.Date, treeCount, estimates, estimates.Sum(e => e.StockTco2e));
    }

    /// <summary>Dry biomass of one tree in tonnes, belowground included through the root-shoot ratio.</summary>
    internal static decimal BiomassT(SpeciesParameters p, decimal dbhCm, decimal heightM)
    {
        var size = p.A * DecimalMath.Pow(dbhCm, p.B) * DecimalMath.Pow(heightM, p.C);
        return p.Equation switch
        {
            BiomassEquation.Volume => size * p.WoodDensityTPerM3!.Value * p.Bef!.Value * (1m + p.RootShootRatio),
            BiomassEquation.Allometric => size / 1000m * (1m + p.RootShootRatio),
            _ => throw new InvalidOperationException($"Unknown equation {p.Equation}."),
        };
    }

    private sealed class PlotAccumulator(string plot, decimal areaM2)
    {
        public string Plot { get; } = plot;

        public decimal AreaM2 { get; } = areaM2;

        public int Trees { get; set; }

        public decimal BiomassT { get; set; }

        public decimal CarbonTco2e { get; set; }
    }
}
