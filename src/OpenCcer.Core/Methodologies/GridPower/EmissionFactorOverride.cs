namespace OpenCcer.Core.Methodologies.GridPower;

/// <summary>
/// Factors fixed by the project design document instead of the table: either both margins, or the
/// combined margin alone (tCO2/MWh). Exactly one of the two forms is valid; inputs are validated.
/// </summary>
public sealed record EmissionFactorOverride(decimal? OmTco2PerMwh, decimal? BmTco2PerMwh, decimal? CombinedMarginTco2PerMwh);
