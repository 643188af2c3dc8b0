namespace OpenCcer.Core.Methodologies.Forestry;

/// <summary>
/// One sample plot: its trees' dry biomass (t), carbon (tCO2e = B × CF × 44/12) and the carbon per
/// hectare it implies (carbon × 10,000 / plot area in m²).
/// </summary>
public sealed record PlotEstimate(
    string Plot,
    decimal AreaM2,
    int TreeCount,
    decimal BiomassT,
    decimal CarbonTco2e,
    decimal DensityTco2ePerHa);
