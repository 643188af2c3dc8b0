using OpenCcer.Core.Compliance;
using OpenCcer.Storage.Compliance;

namespace OpenCcer.Application.Compliance;

/// <summary>What a surrender did: its operation id, the lines cancelled in the ledger, and the period's record after it.</summary>
public sealed record SurrenderResult(string OperationId, IReadOnlyList<SurrenderLine> Lines, ComplianceRecord Record);

/// <summary>An entity's record for a period with the lines it surrendered.</summary>
public sealed record ComplianceStatusResult(ComplianceRecord Record, IReadOnlyList<SurrenderLine> Lines);

/// <summary>One key emitting unit's record of one period, with its offset limit.</summary>
public sealed record ComplianceOverviewRow(ComplianceEntity Entity, ComplianceRecord Record, long OffsetLimit);

/// <summary>The records of one sector added up.</summary>
public sealed record ComplianceSectorTotal(Sector Sector, int Entities, long Obligation, long SurrenderedAllowances, long OffsetsUsed,
    long OffsetLimit, long Shortfall, int Compliant, int NotCompliant);

/// <summary>
/// Compliance across entities and sectors: the periods on record, the sector totals and the rows of the period asked
/// for (every period when none), ordered by sector, entity name, then newest period first.
/// </summary>
public sealed record ComplianceOverview(int? Period, IReadOnlyList<int> Periods, IReadOnlyList<ComplianceSectorTotal> Sectors,
    IReadOnlyList<ComplianceOverviewRow> Rows);
