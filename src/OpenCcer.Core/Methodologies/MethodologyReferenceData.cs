using OpenCcer.Core.Methodologies.Forestry;
using OpenCcer.Core.Methodologies.GridPower;
using OpenCcer.Core.Methodologies.SolarThermal;

namespace OpenCcer.Core.Methodologies;

/// <summary>
/// The reference tables calculators read: catalogue, grid factors, fuel defaults and species
/// parameters. Immutable; a host loads it once and may swap in a table with a newly published year.
/// </summary>
public sealed record MethodologyReferenceData(
    MethodologyCatalogue Catalogue,
    GridFactorTable GridFactors,
    FuelDefaultTable Fuels,
    SpeciesTable Species)
{
    private static readonly Lazy<MethodologyReferenceData> ShippedData = new(() => new MethodologyReferenceData(
        MethodologyCatalogue.Shipped(), GridFactorTable.Shipped(), FuelDefaultTable.Shipped(), SpeciesTable.Shipped()));

    /// <summary>The tables shipped with this build (parsed once per process).</summary>
    public static MethodologyReferenceData Shipped() => ShippedData.Value;

    /// <summary>The catalogue entry for <paramref name="code"/>; the calculator registry guarantees it exists.</summary>
    internal MethodologyInfo Info(string code) =>
        Catalogue.Find(code) ?? throw new InvalidOperationException($"Methodology {code} has a calculator but no catalogue entry.");
}
