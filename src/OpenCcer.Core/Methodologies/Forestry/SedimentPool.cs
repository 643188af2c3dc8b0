namespace OpenCcer.Core.Methodologies.Forestry;

/// <summary>Mangrove sediment carbon over the interval: Σ area × rate × years × 44/12 (tCO2e).</summary>
public sealed record SedimentPool(decimal AreaHa, decimal RateTcPerHaYear, decimal Years, decimal Tco2e);
