using OpenCcer.Core.Methodologies.GridPower;

namespace OpenCcer.Core.Methodologies.OffshoreWind;

/// <summary>
/// Input of CCER-01-002-V01: the common grid-power part plus the siting facts that decide
/// applicability (distance from shore in km, water depth in m) and the green-certificate declaration.
/// </summary>
public sealed record OffshoreWindInput(GridPowerInput Power, decimal DistanceOffshoreKm, decimal WaterDepthM, bool TradesGreenCertificates);
