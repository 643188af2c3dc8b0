namespace OpenCcer.Core.Methodologies.GridPower;

/// <summary>
/// The combined margin applied to a period and where it came from. <see cref="Row"/> is the table row
/// (grid, year, status, source) when the factors came from the table, null for an override.
/// <see cref="FellBackToEarlierYear"/>: <see cref="RequestedYear"/> was not published, so the row of
/// the latest earlier year was used.
/// </summary>
public sealed record EmissionFactorUsed(
    int RequestedYear,
    string Source,
    GridFactorRow? Row,
    bool FellBackToEarlierYear,
    decimal? OmTco2PerMwh,
    decimal? BmTco2PerMwh,
    decimal OperatingMarginWeight,
    decimal CombinedMarginTco2PerMwh);
