using System.Globalization;
using OpenCcer.Core.Methodologies.Import;
using OpenCcer.Core.Primitives;

namespace OpenCcer.Core.Methodologies.SolarThermal;

/// <summary>
/// Fuel defaults for project emissions (reference data <c>fuel-defaults.csv</c>). Immutable; fuel
/// keys unique, compared case-insensitively.
/// </summary>
public sealed class FuelDefaultTable
{
    private const string HeaderLine = "fuel,fuel_zh,unit,ncv_gj_per_unit,carbon_content_tc_per_gj,oxidation_factor,status,source";

    private readonly Dictionary<string, FuelDefault> byFuel;

    private FuelDefaultTable(IReadOnlyList<FuelDefault> rows)
    {
        Rows = rows;
        byFuel = rows.ToDictionary(r => r.Fuel, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<FuelDefault> Rows { get; }

    public static FuelDefaultTable Shipped() => Parse(ReferenceData.Read("fuel-defaults.csv"));

    /// <exception cref="FormatException">A row is malformed; the message names its line.</exception>
    public static FuelDefaultTable Parse(string csv)
    {
        var rows = new List<FuelDefault>();
        var first = true;
        foreach (var line in CsvText.Lines(csv))
        {
            if (first)
            {
                first = false;
                if (string.Join(',', line.Fields) != HeaderLine)
                {
                    throw new FormatException($"fuel-defaults.csv line {line.LineNumber}: header must be {HeaderLine}.");
                }
                continue;
            }
            var f = line.Fields;
            if (line.Error is not null || f.Count != 8)
            {
                throw new FormatException($"fuel-defaults.csv line {line.LineNumber}: expected 8 fields.");
            }
            var row = new FuelDefault(f[0], f[1], f[2], Number(f[3], line), Number(f[4], line), Number(f[5], line), f[6], f[7]);
            if (row.OxidationFactor > 1m || rows.Any(r => string.Equals(r.Fuel, row.Fuel, StringComparison.OrdinalIgnoreCase)))
            {
                throw new FormatException($"fuel-defaults.csv line {line.LineNumber}: oxidation factor above 1 or duplicate fuel.");
            }
            rows.Add(row);
        }
        return new FuelDefaultTable(rows);
    }

    public FuelDefault? Find(string fuel) => byFuel.GetValueOrDefault(fuel.Trim());

    private static decimal Number(string text, CsvText.Line line) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value > 0m
            ? value
            : throw new FormatException($"fuel-defaults.csv line {line.LineNumber}: '{text}' is not a positive number.");
}
