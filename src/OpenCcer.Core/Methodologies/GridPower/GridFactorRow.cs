namespace OpenCcer.Core.Methodologies.GridPower;

/// <summary>
/// One published pair of regional grid emission factors (a row of <c>grid-emission-factors.csv</c>).
/// Invariants: both margins are positive (tCO2/MWh); <see cref="Year"/> is the data year the factors
/// apply to; <see cref="Status"/> and <see cref="Source"/> say how far the row can be trusted.
/// </summary>
public sealed record GridFactorRow(
    string Grid,
    string GridZh,
    int Year,
    decimal OmTco2PerMwh,
    decimal BmTco2PerMwh,
    string Status,
    string Source);
