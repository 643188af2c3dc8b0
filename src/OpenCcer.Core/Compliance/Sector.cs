namespace OpenCcer.Core.Compliance;

/// <summary>
/// Sectors covered by the national ETS: power since the start, steel, cement and aluminium smelting since
/// 2025 (ETS). Values are stable: they are stored.
/// </summary>
public enum Sector
{
    Power = 1,
    Steel = 2,
    Cement = 3,
    AluminiumSmelting = 4,
}
