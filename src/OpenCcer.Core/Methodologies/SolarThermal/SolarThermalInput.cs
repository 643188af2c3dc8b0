using OpenCcer.Core.Methodologies.GridPower;

namespace OpenCcer.Core.Methodologies.SolarThermal;

/// <summary>
/// Input of CCER-01-001-V01: the common grid-power part, the fossil fuel consumed, and the facts
/// behind applicability (solar thermal output metered separately; no green-certificate trading).
/// </summary>
public sealed record SolarThermalInput(
    GridPowerInput Power,
    IReadOnlyList<FuelConsumption> Fuel,
    bool OutputMeteredSeparately,
    bool TradesGreenCertificates);
