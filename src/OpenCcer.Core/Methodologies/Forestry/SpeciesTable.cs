using System.Globalization;
using OpenCcer.Core.Methodologies.Import;
using OpenCcer.Core.Primitives;

namespace OpenCcer.Core.Methodologies.Forestry;

/// <summary>
/// Species parameters for the forestry methodologies (reference data <c>forest-species.csv</c>).
/// Immutable; species keys unique, compared case-insensitively; also found by Chinese name.
/// </summary>
public sealed class SpeciesTable
{
    private const string HeaderLine =
        "species,species_zh,group,equation,a,b,c,wood_density_t_per_m3,bef,root_shoot_ratio,carbon_fraction,status,source";

    private readonly Dictionary<string, SpeciesParameters> byName;

    private SpeciesTable(IReadOnlyList<SpeciesParameters> rows)
    {
        Rows = rows;
        byName = new Dictionary<string, SpeciesParameters>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            byName[row.Species] = row;
            byName[row.SpeciesZh] = row;
        }
    }

    public IReadOnlyList<SpeciesParameters> Rows { get; }

    public static SpeciesTable Shipped() => Parse(ReferenceData.Read("forest-species.csv"));

    /// <exception cref="FormatException">A row is malformed; the message names its line.</exception>
    public static SpeciesTable Parse(string csv)
    {
        var rows = new List<SpeciesParameters>();
        var first = true;
        foreach (var line in CsvText.Lines(csv))
        {
            if (first)
            {
                first = false;
                if (string.Join(',', line.Fields) != HeaderLine)
                {
                    throw Bad(line, "header must be " + HeaderLine);
                }
                continue;
            }
            rows.Add(ParseRow(line));
        }
        if (rows.GroupBy(r => r.Species, StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1))
        {
            throw new FormatException("forest-species.csv: a species appears more than once.");
        }
        return new SpeciesTable(rows);
    }

    public SpeciesParameters? Find(string species) => byName.GetValueOrDefault(species.Trim());

    private static SpeciesParameters ParseRow(CsvText.Line line)
    {
        var f = line.Fields;
        if (line.Error is not null || f.Count != 13)
        {
            throw Bad(line, "expected 13 fields");
        }
        var equation = f[3] switch
        {
            "volume" => BiomassEquation.Volume,
            "allometric" => BiomassEquation.Allometric,
            _ => throw Bad(line, "equation must be volume or allometric"),
        };
        if (f[2] is not ("forest" or "mangrove"))
        {
            throw Bad(line, "group must be forest or mangrove");
        }
        var row = new SpeciesParameters(f[0], f[1], f[2], equation, Number(f[4], line)!.Value, Number(f[5], line)!.Value,
            Number(f[6], line)!.Value, Number(f[7], line), Number(f[8], line), Number(f[9], line)!.Value, Number(f[10], line), f[11], f[12]);
        var volumeOk = equation != BiomassEquation.Volume || (row.WoodDensityTPerM3 > 0m && row.Bef > 0m);
        if (row.A <= 0m || !volumeOk || row.CarbonFraction is <= 0m or > 1m)
        {
            throw Bad(line, "a must be positive, volume species need wood density and BEF, carbon fraction in (0, 1]");
        }
        return row;
    }

    private static decimal? Number(string text, CsvText.Line line)
    {
        if (text.Length == 0)
        {
            return null;
        }
        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Bad(line, $"'{text}' is not a non-negative number");
    }

    private static FormatException Bad(CsvText.Line line, string reason) =>
        new($"forest-species.csv line {line.LineNumber}: {reason}.");
}
