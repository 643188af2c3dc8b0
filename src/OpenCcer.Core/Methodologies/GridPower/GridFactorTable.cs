using System.Collections.Immutable;
using System.Globalization;
using OpenCcer.Core.Methodologies.Import;
using OpenCcer.Core.Primitives;

namespace OpenCcer.Core.Methodologies.GridPower;

/// <summary>
/// The MEE-published operating-margin and build-margin factors of the regional grids, by year.
/// Immutable: <see cref="WithYear"/> returns a new table. Invariants: at most one row per
/// (grid, year), grids compared case-insensitively; years within <see cref="YearMin"/>..<see cref="YearMax"/>
/// inclusive; every factor positive and below <see cref="FactorMaxTco2PerMwh"/>.
/// </summary>
public sealed class GridFactorTable
{
    public const int YearMin = 2000;
    public const int YearMax = 2100;

    /// <summary>No real grid emits more than this per MWh; a larger figure is a unit mistake (kg for t).</summary>
    public const decimal FactorMaxTco2PerMwh = 3m;

    private const string ReferenceName = "grid-emission-factors.csv";
    private const string HeaderLine = "grid,grid_zh,year,om_tco2_per_mwh,bm_tco2_per_mwh,status,source";

    private readonly ImmutableArray<GridFactorRow> rows;

    private GridFactorTable(ImmutableArray<GridFactorRow> rows)
    {
        this.rows = rows;
    }

    /// <summary>Rows ordered by grid, then year.</summary>
    public IReadOnlyList<GridFactorRow> Rows => rows;

    /// <summary>Distinct grid names (English), sorted.</summary>
    public IReadOnlyList<string> Grids => rows.Select(r => r.Grid).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToArray();

    /// <summary>The table shipped with this build; a malformed shipped file is a bug and throws.</summary>
    public static GridFactorTable Shipped()
    {
        var parse = Parse(ReferenceData.Read(ReferenceName));
        return parse.Table ?? throw new InvalidOperationException(
            "Shipped grid-emission-factors.csv is invalid: " + string.Join("; ", parse.Errors));
    }

    /// <summary>Parses CSV text with the header <c>grid,grid_zh,year,om_tco2_per_mwh,bm_tco2_per_mwh,status,source</c>.</summary>
    public static GridFactorTableParse Parse(string csv)
    {
        var errors = new List<FieldError>();
        var parsed = new List<GridFactorRow>();
        var sawHeader = false;
        foreach (var line in CsvText.Lines(csv))
        {
            if (!sawHeader)
            {
                sawHeader = true;
                if (string.Join(',', line.Fields) != HeaderLine)
                {
                    errors.Add(new FieldError($"line {line.LineNumber}", "header must be " + HeaderLine));
                    break;
                }
                continue;
            }
            var row = ParseRow(line, errors);
            if (row is not null)
            {
                if (parsed.Any(r => SameKey(r, row)))
                {
                    errors.Add(new FieldError($"line {line.LineNumber}", $"{row.Grid} {row.Year} appears more than once"));
                }
                parsed.Add(row);
            }
        }
        return errors.Count > 0
            ? new GridFactorTableParse(null, errors)
            : new GridFactorTableParse(new GridFactorTable(Sort(parsed)), []);
    }

    /// <summary>
    /// Adds a newly published year. Returns a new table; this one is unchanged. A (grid, year) that
    /// already exists is rejected: published factors are corrected by a new row, never overwritten.
    /// </summary>
    public GridFactorAddition WithYear(GridFactorRow row)
    {
        var errors = Validate(row, "row");
        if (errors.Count > 0)
        {
            return new GridFactorAddition(GridFactorAdditionStatus.InvalidRow, this, errors);
        }
        if (rows.Any(r => SameKey(r, row)))
        {
            return new GridFactorAddition(GridFactorAdditionStatus.DuplicateYear, this,
                [new FieldError("year", $"{row.Grid} {row.Year} is already in the table")]);
        }
        return new GridFactorAddition(GridFactorAdditionStatus.Added, new GridFactorTable(Sort(rows.Add(row))), []);
    }

    /// <summary>
    /// The factors for <paramref name="grid"/> (English or Chinese name) in <paramref name="year"/>,
    /// or, if that year is not published, in the latest earlier year (domain rule book, grid-connected power).
    /// </summary>
    public GridFactorLookup Find(string grid, int year)
    {
        var ofGrid = rows.Where(r => string.Equals(r.Grid, grid.Trim(), StringComparison.OrdinalIgnoreCase)
                || string.Equals(r.GridZh, grid.Trim(), StringComparison.Ordinal)).ToArray();
        if (ofGrid.Length == 0)
        {
            return new GridFactorLookup(GridFactorLookupStatus.UnknownGrid, grid, year, null);
        }
        var best = ofGrid.Where(r => r.Year <= year).MaxBy(r => r.Year);
        if (best is null)
        {
            return new GridFactorLookup(GridFactorLookupStatus.NoYearAtOrBefore, ofGrid[0].Grid, year, null);
        }
        var status = best.Year == year ? GridFactorLookupStatus.Exact : GridFactorLookupStatus.EarlierYear;
        return new GridFactorLookup(status, best.Grid, year, best);
    }

    private static GridFactorRow? ParseRow(CsvText.Line line, List<FieldError> errors)
    {
        var at = $"line {line.LineNumber}";
        if (line.Error is not null || line.Fields.Count != 7)
        {
            errors.Add(new FieldError(at, line.Error ?? $"expected 7 fields, found {line.Fields.Count}"));
            return null;
        }
        var f = line.Fields;
        if (!int.TryParse(f[2], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !decimal.TryParse(f[3], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var om)
            || !decimal.TryParse(f[4], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var bm))
        {
            errors.Add(new FieldError(at, "year must be a whole number and both margins decimal numbers"));
            return null;
        }
        var row = new GridFactorRow(f[0], f[1], year, om, bm, f[5], f[6]);
        var rowErrors = Validate(row, at);
        errors.AddRange(rowErrors);
        return rowErrors.Count == 0 ? row : null;
    }

    private static List<FieldError> Validate(GridFactorRow row, string at)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(row.Grid))
        {
            errors.Add(new FieldError($"{at}: grid", "must not be empty"));
        }
        if (row.Year is < YearMin or > YearMax)
        {
            errors.Add(new FieldError($"{at}: year", $"must be between {YearMin} and {YearMax}"));
        }
        if (row.OmTco2PerMwh is <= 0m or > FactorMaxTco2PerMwh)
        {
            errors.Add(new FieldError($"{at}: om_tco2_per_mwh", $"must be above 0 and at most {FactorMaxTco2PerMwh} tCO2/MWh"));
        }
        if (row.BmTco2PerMwh is <= 0m or > FactorMaxTco2PerMwh)
        {
            errors.Add(new FieldError($"{at}: bm_tco2_per_mwh", $"must be above 0 and at most {FactorMaxTco2PerMwh} tCO2/MWh"));
        }
        if (string.IsNullOrWhiteSpace(row.Status))
        {
            errors.Add(new FieldError($"{at}: status", "must not be empty"));
        }
        return errors;
    }

    private static bool SameKey(GridFactorRow a, GridFactorRow b) =>
        a.Year == b.Year && string.Equals(a.Grid, b.Grid, StringComparison.OrdinalIgnoreCase);

    private static ImmutableArray<GridFactorRow> Sort(IEnumerable<GridFactorRow> source) =>
        source.OrderBy(r => r.Grid, StringComparer.Ordinal).ThenBy(r => r.Year).ToImmutableArray();
}
