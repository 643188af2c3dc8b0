namespace OpenCcer.Core.Methodologies.Forestry;

/// <summary>Carbon stock of an inventory: Σ over strata of area × mean density (tCO2e).</summary>
public sealed record StockEstimate(DateOnly Date, int TreeCount, IReadOnlyList<StratumEstimate> Strata, decimal StockTco2e);
