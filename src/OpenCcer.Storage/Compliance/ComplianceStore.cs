using System.Data.Common;
using System.Globalization;
using OpenCcer.Core.Compliance;
using OpenCcer.Core.Registry;
using OpenCcer.Storage.Compliance;

namespace OpenCcer.Storage;

// The national ETS link: key emitting units, verified emissions, allowance allocations, surrender lines
// (each a ledger cancellation), ETS facts of offset projects; and the journal row behind a certificate.
public sealed partial class ComplianceStore(LedgerStore db) : StoreAccess(db)
{
    /// <summary>Registers a key emitting unit; false when the subject is already registered.</summary>
    public async Task<bool> AddComplianceEntityAsync(ComplianceEntity e, CancellationToken ct = default) =>
        await ExecuteAsync("""
            INSERT INTO compliance_entities (subject_id, name, sector, province, registered_at) VALUES (@s, @n, @sector, @p, @at)
            ON CONFLICT (subject_id) DO NOTHING
            """, ct, ("@s", e.SubjectId), ("@n", e.Name), ("@sector", (int)e.Sector), ("@p", e.Province), ("@at", e.RegisteredAt)) == 1;

    private static ComplianceEntity ReadEntity(DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), (Sector)r.GetInt32(2), r.GetString(3), r.GetString(4));

    public async Task<ComplianceEntity?> ComplianceEntityAsync(string subjectId, CancellationToken ct = default) =>
        (await ReadAsync("SELECT subject_id, name, sector, province, registered_at FROM compliance_entities WHERE subject_id = @s",
            ReadEntity, ct, ("@s", subjectId))).SingleOrDefault();

    public Task<List<ComplianceEntity>> ComplianceEntitiesAsync(CancellationToken ct = default) =>
        ReadAsync("SELECT subject_id, name, sector, province, registered_at FROM compliance_entities ORDER BY subject_id", ReadEntity, ct);

    /// <summary>Records a period's verified emissions once; false when they are already recorded.</summary>
    public async Task<bool> AddVerifiedEmissionsAsync(string subjectId, int period, long tonnes, string at, CancellationToken ct = default) =>
        await ExecuteAsync("""
            INSERT INTO compliance_emissions (subject_id, period, verified_tonnes, recorded_at) VALUES (@s, @p, @t, @at)
            ON CONFLICT (subject_id, period) DO NOTHING
            """, ct, ("@s", subjectId), ("@p", period), ("@t", tonnes), ("@at", at)) == 1;

    /// <summary>Records an allocation (idempotent by operation id).</summary>
    public Task<int> AddAllocationAsync(string operationId, string subjectId, int period, long tonnes, long issuanceId, string at,
        CancellationToken ct = default) =>
        ExecuteAsync("""
            INSERT INTO compliance_allocations (operation_id, subject_id, period, tonnes, issuance_id, allocated_at)
            VALUES (@o, @s, @p, @t, @i, @at) ON CONFLICT (operation_id) DO NOTHING
            """, ct, ("@o", operationId), ("@s", subjectId), ("@p", period), ("@t", tonnes), ("@i", issuanceId), ("@at", at));

    /// <summary>Links one surrender cancellation to its compliance record (idempotent by operation id and line).</summary>
    public Task<int> AddSurrenderLineAsync(SurrenderLine l, CancellationToken ct = default) =>
        ExecuteAsync("""
            INSERT INTO compliance_surrenders (operation_id, line, subject_id, period, unit_class, project_code, vintage, tonnes, certificate_number, surrendered_at)
            VALUES (@o, @l, @s, @p, @c, @code, @v, @t, @n, @at) ON CONFLICT (operation_id, line) DO NOTHING
            """, ct, ("@o", l.OperationId), ("@l", l.Line), ("@s", l.SubjectId), ("@p", l.Period), ("@c", (int)l.UnitClass),
            ("@code", l.ProjectCode), ("@v", l.Vintage), ("@t", l.Tonnes), ("@n", l.CertificateNumber), ("@at", l.SurrenderedAt));

    private const string SurrenderColumns =
        "operation_id, line, subject_id, period, unit_class, project_code, vintage, tonnes, certificate_number, surrendered_at";

    private static SurrenderLine ReadSurrender(DbDataReader r) => new(r.GetString(0), r.GetInt32(1), r.GetString(2), r.GetInt32(3),
        (UnitClass)r.GetInt32(4), r.GetString(5), r.GetInt32(6), r.GetInt64(7), r.GetString(8), r.GetString(9));

    public Task<List<SurrenderLine>> SurrenderLinesAsync(string subjectId, int period, CancellationToken ct = default) =>
        ReadAsync($"SELECT {SurrenderColumns} FROM compliance_surrenders WHERE subject_id = @s AND period = @p ORDER BY surrendered_at, operation_id, line",
            ReadSurrender, ct, ("@s", subjectId), ("@p", period));

    public Task<List<SurrenderLine>> SurrenderLinesOfOperationAsync(string operationId, CancellationToken ct = default) =>
        ReadAsync($"SELECT {SurrenderColumns} FROM compliance_surrenders WHERE operation_id = @o ORDER BY line", ReadSurrender, ct, ("@o", operationId));

    public async Task<SurrenderLine?> SurrenderLineAsync(string certificateNumber, CancellationToken ct = default) =>
        (await ReadAsync($"SELECT {SurrenderColumns} FROM compliance_surrenders WHERE certificate_number = @n", ReadSurrender, ct,
            ("@n", certificateNumber))).SingleOrDefault();

    /// <summary>
    /// Every entity's record for every period it has data for (or only <paramref name="period"/>): verified
    /// emissions, allocations and surrenders summed per class.
    /// </summary>
    public async Task<List<ComplianceRecord>> ComplianceRecordsAsync(string? subjectId, int? period, CancellationToken ct = default)
    {
        var keys = new SortedDictionary<(string, int), ComplianceRecord>();
        ComplianceRecord At(string s, int p) => keys.TryGetValue((s, p), out var r) ? r : keys[(s, p)] = new ComplianceRecord(s, p, null, 0, 0, 0);
        const string filter = "(CAST(@s AS text) IS NULL OR subject_id = @s) AND (CAST(@p AS integer) IS NULL OR period = @p)";
        (string, object?)[] args = [("@s", subjectId), ("@p", period)];
        foreach (var (s, p, t) in await ReadAsync($"SELECT subject_id, period, verified_tonnes FROM compliance_emissions WHERE {filter}",
                     r => (r.GetString(0), r.GetInt32(1), r.GetInt64(2)), ct, args))
            keys[(s, p)] = At(s, p) with { VerifiedEmissions = t };
        foreach (var (s, p, t) in await ReadAsync($"SELECT subject_id, period, SUM(tonnes) FROM compliance_allocations WHERE {filter} GROUP BY subject_id, period",
                     r => (r.GetString(0), r.GetInt32(1), r.GetInt64(2)), ct, args))
            keys[(s, p)] = At(s, p) with { Allocated = t };
        foreach (var (s, p, c, t) in await ReadAsync($"SELECT subject_id, period, unit_class, SUM(tonnes) FROM compliance_surrenders WHERE {filter} GROUP BY subject_id, period, unit_class",
                     r => (r.GetString(0), r.GetInt32(1), (UnitClass)r.GetInt32(2), r.GetInt64(3)), ct, args))
        {
            var record = At(s, p);
            keys[(s, p)] = c == UnitClass.Allowance ? record with { SurrenderedAllowances = t } : record with { OffsetsUsed = t };
        }
        return [.. keys.Values];
    }

    /// <summary>Records the ETS facts of a project whose units may be offered as offsets.</summary>
    public Task<int> SetOffsetProjectAsync(OffsetProject p, string at, CancellationToken ct = default) =>
        ExecuteAsync("""
            INSERT INTO offset_projects (project_code, under_ets_coverage, legacy, updated_at) VALUES (@c, @u, @l, @at)
            ON CONFLICT (project_code) DO UPDATE SET under_ets_coverage = excluded.under_ets_coverage, legacy = excluded.legacy, updated_at = excluded.updated_at
            """, ct, ("@c", p.ProjectCode), ("@u", p.UnderEtsCoverage ? 1 : 0), ("@l", p.Legacy ? 1 : 0), ("@at", at));

    public Task<List<OffsetProject>> OffsetProjectsAsync(CancellationToken ct = default) =>
        ReadAsync("SELECT project_code, under_ets_coverage, legacy FROM offset_projects ORDER BY project_code",
            r => new OffsetProject(r.GetString(0), r.GetInt32(1) != 0, r.GetInt32(2) != 0), ct);

    /// <summary>The journal row that recorded the cancellation with this certificate number.</summary>
    public async Task<JournalStamp?> CancellationJournalAsync(string certificateNumber, CancellationToken ct = default) =>
        (await ReadAsync("SELECT seq, hash, recorded_at FROM journal WHERE kind = 'units_cancelled' AND event LIKE @pattern ORDER BY seq",
            r => new JournalStamp(r.GetInt64(0), r.GetString(1), r.GetString(2)), ct,
            ("@pattern", string.Create(CultureInfo.InvariantCulture, $"%\"certificate_number\":\"{certificateNumber.Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal)}\"%"))))
        .FirstOrDefault();

    public async Task<ProjectSummary?> ProjectSummaryAsync(string code, CancellationToken ct = default) =>
        (await ReadAsync("SELECT code, title, methodology_code, province, phase FROM projects WHERE code = @c",
            r => new ProjectSummary(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4)), ct, ("@c", code)))
        .SingleOrDefault();
}
