namespace OpenCcer.Core.Methodologies.Forestry;

/// <summary>How a species' tree biomass is estimated from DBH (cm) and height (m).</summary>
public enum BiomassEquation
{
    /// <summary>Stem volume V = a × D^b × H^c (m³); biomass B = V × WD × BEF × (1 + R) (t).</summary>
    Volume = 0,

    /// <summary>Aboveground biomass AGB = a × D^b × H^c (kg); biomass B = AGB / 1000 × (1 + R) (t).</summary>
    Allometric = 1,
}

/// <summary>
/// Parameters of one species (a row of <c>forest-species.csv</c>). Invariants: a &gt; 0; for
/// <see cref="BiomassEquation.Volume"/>, wood density (t/m³) and BEF are set and positive; R ≥ 0;
/// the carbon fraction, when set, is in (0, 1]; null means the settings' default (0.47).
/// <see cref="Group"/> is <c>forest</c> or <c>mangrove</c>.
/// </summary>
public sealed record SpeciesParameters(
    string Species,
    string SpeciesZh,
    string Group,
    BiomassEquation Equation,
    decimal A,
    decimal B,
    decimal C,
    decimal? WoodDensityTPerM3,
    decimal? Bef,
    decimal RootShootRatio,
    decimal? CarbonFraction,
    string Status,
    string Source);
