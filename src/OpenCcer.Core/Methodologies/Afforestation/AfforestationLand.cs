namespace OpenCcer.Core.Methodologies.Afforestation;

/// <summary>
/// The land facts CCER-14-001-V01 applicability rests on (rule book, "Afforestation"): years without
/// forest before the start, tenure, the smallest parcel (m²), and what the project must not be or do.
/// </summary>
public sealed record AfforestationLand(
    int YearsWithoutForestBeforeStart,
    bool TenureClear,
    decimal SmallestParcelM2,
    bool Wetland,
    bool ClearsExistingTrees,
    bool EconomicForest);
