namespace OpenCcer.Core.Methodologies.Forestry;

/// <summary>
/// One stratum: the mean and sample variance of its plots' carbon densities and its stock
/// (mean × area). <see cref="VarianceTco2ePerHaSquared"/> is null with fewer than two plots.
/// </summary>
public sealed record StratumEstimate(
    string Stratum,
    decimal AreaHa,
    IReadOnlyList<PlotEstimate> Plots,
    decimal MeanTco2ePerHa,
    decimal? VarianceTco2ePerHaSquared,
    decimal StockTco2e);
