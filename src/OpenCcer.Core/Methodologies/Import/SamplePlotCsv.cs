using OpenCcer.Core.Methodologies.Forestry;

namespace OpenCcer.Core.Methodologies.Import;

/// <summary>
/// Parses a forest sample-plot CSV (one tree per row; a row with empty species, DBH and height
/// records an empty plot). Header: <c>stratum,stratum_area_ha,plot,plot_area_m2,species,dbh_cm,height_m</c>.
/// All rows or none: see <see cref="ImportResult{T}"/>. Species names are checked by the calculator.
/// </summary>
public static class SamplePlotCsv
{
    public static readonly string[] Header =
        ["stratum", "stratum_area_ha", "plot", "plot_area_m2", "species", "dbh_cm", "height_m"];

    /// <summary>Reads the file; <paramref name="rowRead"/>, when given, is called once per line below the header (for progress).</summary>
    public static ImportResult<TreeRecord> Parse(string text, Action? rowRead = null) => CsvRows.Import(text, Header, ParseRow, rowRead);

    private static TreeRecord? ParseRow(CsvRows.Cells cells)
    {
        var stratum = cells.Text(0);
        var stratumArea = cells.Decimal(1, positive: true);
        var plot = cells.Text(2);
        var plotArea = cells.Decimal(3, positive: true);
        var species = cells.Text(4, required: false);
        var dbh = cells.Decimal(5, required: species is not null, positive: true);
        var height = cells.Decimal(6, required: species is not null, positive: true);
        if (dbh > ForestryAccounting.DbhMaxCm)
        {
            cells.Error(5, $"must be at most {ForestryAccounting.DbhMaxCm} cm (is it in mm?)");
        }
        if (height > ForestryAccounting.HeightMaxM)
        {
            cells.Error(6, $"must be at most {ForestryAccounting.HeightMaxM} m (is it in cm?)");
        }
        if (stratum is null || stratumArea is null || plot is null || plotArea is null)
        {
            return null;
        }
        return new TreeRecord(stratum, stratumArea.Value, plot, plotArea.Value, species, dbh ?? 0m, height ?? 0m);
    }
}
