namespace OpenCcer.Storage.Compliance;

/// <summary>
/// Public statistics of the registry, CCERs only: issuance by methodology, province and vintage,
/// cancellations by purpose, ETS offsets used per compliance period, and projects per lifecycle phase.
/// </summary>
public sealed record RegistryStatistics(
    IReadOnlyList<StatisticsRow> IssuanceByMethodology,
    IReadOnlyList<StatisticsRow> IssuanceByProvince,
    IReadOnlyList<StatisticsRow> IssuanceByVintage,
    IReadOnlyList<StatisticsRow> CancellationsByPurpose,
    IReadOnlyList<StatisticsRow> OffsetsByCompliancePeriod,
    IReadOnlyList<StatisticsRow> ProjectsByPhase);

/// <summary>One group: its key, how many records (issuances, cancellations, entities, projects) and their tonnes.</summary>
public sealed record StatisticsRow(string Key, long Count, long Tonnes);
