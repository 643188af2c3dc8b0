namespace OpenCcer.Core.Methodologies.Forestry;

/// <summary>
/// One measured tree in a sample plot, with the plot's and stratum's areas repeated on every row (the
/// shape of the monitoring CSV). A row with a null <see cref="Species"/> records an empty plot.
/// Units: stratum area ha, plot area m², DBH cm (at 1.3 m), height m.
/// </summary>
public sealed record TreeRecord(
    string Stratum,
    decimal StratumAreaHa,
    string Plot,
    decimal PlotAreaM2,
    string? Species,
    decimal DbhCm,
    decimal HeightM);
