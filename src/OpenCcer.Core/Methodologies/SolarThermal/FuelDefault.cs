namespace OpenCcer.Core.Methodologies.SolarThermal;

/// <summary>
/// Default parameters of one fossil fuel (a row of <c>fuel-defaults.csv</c>): net calorific value in
/// GJ per <see cref="Unit"/>, carbon content in tC/GJ, oxidation factor as a fraction.
/// Invariants: all three positive; the oxidation factor at most 1.
/// </summary>
public sealed record FuelDefault(
    string Fuel,
    string FuelZh,
    string Unit,
    decimal NcvGjPerUnit,
    decimal CarbonContentTcPerGj,
    decimal OxidationFactor,
    string Status,
    string Source);
