using System.Globalization;
using System.Text;
using OpenCcer.Core.Methodologies;
using OpenCcer.Core.Methodologies.Forestry;
using OpenCcer.Core.Methodologies.GridPower;

namespace OpenCcer.Cli;

/// <summary>Readable, aligned plain-text rendering of a methodology result (<c>--format table</c>).</summary>
internal static class ResultTable
{
    internal static string Render(ReductionResult result)
    {
        var text = new StringBuilder();
        var summary = new List<(string, string)> { ("methodology", result.MethodologyCode), ("mode", result.Mode == CalculationMode.ExAnte ? "ex-ante" : "ex-post") };
        switch (result)
        {
            case GridPowerResult p:
                summary.AddRange([
                    ("grid", p.Grid), ("export (MWh)", N(p.ExportMwh)), ("export corrected (MWh)", N(p.ExportCorrectedMwh)),
                    ("import (MWh)", N(p.ImportMwh)), ("import corrected (MWh)", N(p.ImportCorrectedMwh)),
                    ("net export EG_PJ (MWh)", N(p.NetExportMwh)), ("baseline BE (tCO2)", N(p.BaselineTco2)),
                    ("project emissions PE (tCO2)", N(p.ProjectEmissionsTco2)), ("leakage (tCO2)", N(p.LeakageTco2)),
                    ("reductions ER (tCO2)", N(p.ReductionsTco2))]);
                break;
            case ForestryResult f:
                summary.AddRange([
                    ("interval", $"{f.IntervalStart:yyyy-MM-dd} to {f.IntervalEnd:yyyy-MM-dd} ({N(f.IntervalYears)} years)"),
                    ("previous stock (tCO2e)", N(f.PreviousStock?.StockTco2e ?? 0m)), ("current stock (tCO2e)", N(f.CurrentStock.StockTco2e)),
                    ("actual stock change (tCO2e)", N(f.ActualStockChangeTco2e)),
                    ("uncertainty half-width (%)", f.Uncertainty is null ? "-" : N(f.Uncertainty.HalfWidthPercent)),
                    ("uncertainty deduction (tCO2e)", N(f.UncertaintyDeductionTco2e)), ("sediment (tCO2e)", N(f.Sediment?.Tco2e ?? 0m)),
                    ("baseline (tCO2e)", N(f.BaselineTco2e)), ("leakage (tCO2e)", N(f.LeakageTco2e)),
                    ("net (tCO2e)", N(f.NetTco2e)), ("annual average (tCO2e/yr)", N(f.AnnualAverageTco2e))]);
                break;
        }
        summary.Add(("rounding", result.Rounding.Rule == RoundingRule.Down ? "down" : "half up"));
        summary.Add(("reductions (t)", result.Reductions.Value.ToString("N0", CultureInfo.InvariantCulture)));
        var width = summary.Max(s => s.Item1.Length);
        foreach (var (name, value) in summary)
        {
            text.Append(name.PadRight(width)).Append("  ").AppendLine(value);
        }
        if (result is GridPowerResult power)
        {
            text.AppendLine();
            Grid(text, ["start", "end", "export MWh", "e", "export corr.", "import corr.", "EF_CM", "factor year", "BE tCO2"],
                power.Periods.Select(p => new[]
                {
                    $"{p.Start:yyyy-MM-dd}", $"{p.End:yyyy-MM-dd}", N(p.ExportMwh), N(p.Correction.ErrorFraction), N(p.ExportCorrectedMwh),
                    N(p.ImportCorrectedMwh), N(p.Factor.CombinedMarginTco2PerMwh), p.Factor.Row?.Year.ToString(CultureInfo.InvariantCulture) ?? "override",
                    N(p.BaselineTco2),
                }));
        }
        if (result is ForestryResult forest)
        {
            text.AppendLine();
            Grid(text, ["stratum", "area ha", "plots", "mean tCO2e/ha", "stock tCO2e"],
                forest.CurrentStock.Strata.Select(s => new[]
                {
                    s.Stratum, N(s.AreaHa), s.Plots.Count.ToString(CultureInfo.InvariantCulture), N(s.MeanTco2ePerHa), N(s.StockTco2e),
                }));
        }
        foreach (var note in result.Notes)
        {
            text.AppendLine().Append("note: ").Append(note);
        }
        return text.ToString().TrimEnd();
    }

    private static void Grid(StringBuilder text, string[] header, IEnumerable<string[]> rows)
    {
        var all = rows.Prepend(header).ToArray();
        var widths = header.Select((_, i) => all.Max(r => r[i].Length)).ToArray();
        foreach (var row in all)
        {
            text.AppendLine(string.Join("  ", row.Select((cell, i) => i < 2 && row != header ? cell.PadRight(widths[i]) : cell.PadLeft(widths[i]))).TrimEnd());
        }
    }

    private static string N(decimal value) => decimal.Round(value, 4).ToString("#,0.####", CultureInfo.InvariantCulture);
}
