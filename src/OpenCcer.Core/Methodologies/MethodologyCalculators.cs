using System.Text.Json;
using OpenCcer.Core.Methodologies.Afforestation;
using OpenCcer.Core.Methodologies.Mangrove;
using OpenCcer.Core.Methodologies.OffshoreWind;
using OpenCcer.Core.Methodologies.SolarThermal;

namespace OpenCcer.Core.Methodologies;

/// <summary>
/// From a catalogue code to its calculator. A new methodology is one calculator added to
/// <see cref="All"/> and one row in <c>methodologies.csv</c>; a code in one but not the other is
/// unknown.
/// </summary>
public static class MethodologyCalculators
{
    /// <summary>Every calculator this build ships.</summary>
    public static readonly IReadOnlyList<IMethodologyCalculator> All =
    [
        new SolarThermalCalculator(),
        new OffshoreWindCalculator(),
        new AfforestationCalculator(),
        new MangroveCalculator(),
    ];

    private static readonly Dictionary<string, IMethodologyCalculator> ByCode =
        All.ToDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);

    /// <summary>The calculator for <paramref name="code"/> if both it and a catalogue entry exist.</summary>
    public static IMethodologyCalculator? Find(string code, MethodologyCatalogue catalogue) =>
        catalogue.Find(code) is not null ? ByCode.GetValueOrDefault(code.Trim()) : null;

    /// <summary>Looks up the calculator and runs it on JSON input.</summary>
    public static CalculationOutcome Calculate(string code, JsonElement input, MethodologyReferenceData reference) =>
        Find(code, reference.Catalogue) is { } calculator
            ? calculator.CalculateJson(input, reference)
            : CalculationOutcome.UnknownMethodology(code);
}
