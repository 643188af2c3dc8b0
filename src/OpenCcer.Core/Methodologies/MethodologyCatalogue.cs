using System.Globalization;
using System.Text.RegularExpressions;
using OpenCcer.Core.Methodologies.Import;
using OpenCcer.Core.Primitives;

namespace OpenCcer.Core.Methodologies;

/// <summary>
/// The methodologies OpenCCER knows, read from reference data (<c>methodologies.csv</c>). Immutable;
/// codes are unique and compared ordinally, case-insensitively. Adding or retiring a methodology is a
/// change to the CSV (plus, for a new one, its calculator), never to this type.
/// </summary>
public sealed partial class MethodologyCatalogue
{
    private const string ReferenceName = "methodologies.csv";

    private static readonly string[] Header =
    [
        "code", "name_zh", "name_en", "sector", "version", "in_force", "crediting_years_min",
        "crediting_years_max", "additionality_exempt", "retired_on", "source",
    ];

    private readonly Dictionary<string, MethodologyInfo> byCode;

    private MethodologyCatalogue(IReadOnlyList<MethodologyInfo> entries)
    {
        Entries = entries;
        byCode = entries.ToDictionary(e => e.Code, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Every entry, in file order.</summary>
    public IReadOnlyList<MethodologyInfo> Entries { get; }

    /// <summary>The catalogue shipped with this build.</summary>
    public static MethodologyCatalogue Shipped() => Parse(ReferenceData.Read(ReferenceName));

    /// <summary>Parses catalogue CSV text.</summary>
    /// <exception cref="FormatException">A row is malformed; the message names its line.</exception>
    public static MethodologyCatalogue Parse(string csv)
    {
        var entries = new List<MethodologyInfo>();
        foreach (var line in CsvText.Lines(csv))
        {
            if (line.Error is not null)
            {
                throw Bad(line.LineNumber, line.Error);
            }
            if (entries.Count == 0 && line.Fields.Count > 0 && line.Fields[0] == Header[0])
            {
                if (!line.Fields.SequenceEqual(Header))
                {
                    throw Bad(line.LineNumber, "header must be " + string.Join(',', Header));
                }
                continue;
            }
            entries.Add(ParseRow(line));
        }
        var duplicate = entries.GroupBy(e => e.Code, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new FormatException($"methodologies.csv: code {duplicate.Key} appears more than once.");
        }
        return new MethodologyCatalogue(entries);
    }

    public MethodologyInfo? Find(string code) => byCode.GetValueOrDefault(code.Trim());

    private static MethodologyInfo ParseRow(CsvText.Line line)
    {
        var f = line.Fields;
        if (f.Count != Header.Length)
        {
            throw Bad(line.LineNumber, $"expected {Header.Length} fields, found {f.Count}");
        }
        if (!CodePattern().IsMatch(f[0]))
        {
            throw Bad(line.LineNumber, $"code '{f[0]}' does not match CCER-NN-NNN-VNN");
        }
        var min = int.Parse(f[6], NumberStyles.None, CultureInfo.InvariantCulture);
        var max = int.Parse(f[7], NumberStyles.None, CultureInfo.InvariantCulture);
        if (min > max)
        {
            throw Bad(line.LineNumber, "crediting_years_min exceeds crediting_years_max");
        }
        var inForce = DateOnly.ParseExact(f[5], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        DateOnly? retired = f[9].Length == 0 ? null : DateOnly.ParseExact(f[9], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (retired <= inForce)
        {
            throw Bad(line.LineNumber, "retired_on must be after in_force");
        }
        var exempt = f[8] switch
        {
            "true" => true,
            "false" => false,
            _ => throw Bad(line.LineNumber, "additionality_exempt must be true or false"),
        };
        return new MethodologyInfo(f[0], f[1], f[2], f[3], f[4], inForce, min, max, exempt, retired, f[10]);
    }

    private static FormatException Bad(int lineNumber, string reason) =>
        new($"methodologies.csv line {lineNumber}: {reason}.");

    [GeneratedRegex("^CCER-[0-9]{2}-[0-9]{3}-V[0-9]{2}$")]
    private static partial Regex CodePattern();
}
