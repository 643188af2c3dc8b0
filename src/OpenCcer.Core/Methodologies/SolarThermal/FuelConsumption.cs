using OpenCcer.Core.Methodologies.GridPower;

namespace OpenCcer.Core.Methodologies.SolarThermal;

/// <summary>
/// Fossil fuel burnt for anti-freeze heating of the heat-transfer medium during one period (dates
/// inclusive). <see cref="Quantity"/> is in <see cref="Unit"/>, which must be the unit of the fuel's
/// defaults. Measured NCV, carbon content or oxidation factor replace the defaults when given.
/// <see cref="Meter"/> is null only for ex-ante estimates.
/// </summary>
public sealed record FuelConsumption(
    DateOnly Start,
    DateOnly End,
    string Fuel,
    decimal Quantity,
    string Unit,
    MeterState? Meter,
    decimal? NcvGjPerUnit,
    decimal? CarbonContentTcPerGj,
    decimal? OxidationFactor);
