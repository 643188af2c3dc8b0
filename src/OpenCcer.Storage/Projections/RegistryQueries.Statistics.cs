using System.Globalization;
using System.Text.Json;
using OpenCcer.Core.Registry;
using OpenCcer.Storage.Compliance;

namespace OpenCcer.Storage;

// Public statistics: aggregates over issuances, cancellations, compliance surrenders and projects.
public sealed partial class RegistryQueries
{
    public async Task<RegistryStatistics> StatisticsAsync(CancellationToken ct = default)
    {
        const string issued = "i.last_serial - i.first_serial + 1";
        const string ccer = "i.project_code <> 'CEA'";
        Task<List<StatisticsRow>> Group(string sql) =>
            ReadAsync(sql, r => new StatisticsRow(r.IsDBNull(0) ? "unknown" : Convert.ToString(r.GetValue(0), CultureInfo.InvariantCulture)!,
                r.GetInt64(1), r.IsDBNull(2) ? 0 : r.GetInt64(2)), ct);
        var byMethodology = await Group($"""
            SELECT COALESCE(p.methodology_code, 'unknown') AS k, COUNT(*), SUM({issued}) FROM issuances i LEFT JOIN projects p ON p.code = i.project_code
            WHERE {ccer} GROUP BY COALESCE(p.methodology_code, 'unknown') ORDER BY k
            """);
        var byProvince = await Group($"""
            SELECT COALESCE(p.province, 'unknown') AS k, COUNT(*), SUM({issued}) FROM issuances i LEFT JOIN projects p ON p.code = i.project_code
            WHERE {ccer} GROUP BY COALESCE(p.province, 'unknown') ORDER BY k
            """);
        var byVintage = await Group($"SELECT i.vintage, COUNT(*), SUM({issued}) FROM issuances i WHERE {ccer} GROUP BY i.vintage ORDER BY i.vintage");
        var byPurpose = (await Group("SELECT purpose, COUNT(*), SUM(quantity) FROM cancellations WHERE project_code <> 'CEA' GROUP BY purpose ORDER BY purpose"))
            .Select(r => r with { Key = JsonNamingPolicy.SnakeCaseLower.ConvertName(((CancellationPurpose)int.Parse(r.Key, CultureInfo.InvariantCulture)).ToString()) })
            .ToList();
        var offsets = await Group($"""
            SELECT period, COUNT(DISTINCT subject_id), SUM(tonnes) FROM compliance_surrenders WHERE unit_class = {(int)UnitClass.Ccer}
            GROUP BY period ORDER BY period
            """);
        var phases = await Group("SELECT phase, COUNT(*), 0 FROM projects WHERE phase <> 'draft' GROUP BY phase ORDER BY phase");
        return new RegistryStatistics(byMethodology, byProvince, byVintage, byPurpose, offsets, phases);
    }
}
