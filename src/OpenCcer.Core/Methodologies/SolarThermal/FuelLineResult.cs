using OpenCcer.Core.Methodologies.GridPower;

namespace OpenCcer.Core.Methodologies.SolarThermal;

/// <summary>
/// One fuel line of PE = FC × (1 + e) × NCV × CC × OF × 44/12 (tCO2), with where each parameter came
/// from (<c>default</c> from reference data or <c>measured</c> from the input).
/// </summary>
public sealed record FuelLineResult(
    DateOnly Start,
    DateOnly End,
    string Fuel,
    string Unit,
    decimal Quantity,
    MeterCorrection Correction,
    decimal QuantityCorrected,
    decimal NcvGjPerUnit,
    decimal CarbonContentTcPerGj,
    decimal OxidationFactor,
    string ParameterSource,
    decimal EmissionsTco2);
