using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenCcer.Core.Compliance;
using OpenCcer.Server.Api;
using OpenCcer.Server.People;
using OpenCcer.Server.Web;
using OpenCcer.Storage;
using OpenCcer.Storage.Compliance;

namespace OpenCcer.Server.Pages.Portal;

/// <summary>
/// The regulator's compliance overview of the national ETS: key emitting units by sector, their verified
/// emissions, what they surrendered, the CCER offsets used against the offset cap (5% of the obligation)
/// and whether they are compliant. The same figures as the overview API, one page of entities at a time,
/// and the whole list as CSV.
/// </summary>
[Authorize(Policy = PeopleAuthentication.SupervisorPolicy)]
public sealed class ComplianceModel(LedgerStore store, ComplianceService compliance) : PageModel
{
    public const int PageSize = 20;

    public sealed record Row(ComplianceEntity Entity, ComplianceRecord Record, long OffsetLimit);

    public sealed record SectorTotal(Sector Sector, int Entities, long VerifiedEmissions, long SurrenderedAllowances, long OffsetsUsed,
        long OffsetLimit, long Shortfall, int Compliant, int NotCompliant);

    [BindProperty(SupportsGet = true)] public int? Period { get; set; }
    /// <summary>The page of rows shown, from <c>?page=</c> (read from the query only: Razor Pages keep their own "page" route value).</summary>
    public int PageNumber { get; private set; } = 1;

    public List<int> Periods { get; private set; } = [];
    public List<SectorTotal> Sectors { get; private set; } = [];
    public List<Row> Rows { get; private set; } = [];
    public int RowCount { get; private set; }
    public int PageCount { get; private set; }
    public int OffsetSharePercent => (int)(compliance.Rules.OffsetLimit(10_000) / 100);

    public async Task OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken ct)
    {
        PageNumber = page ?? 1;
        var all = await RowsAsync(ct);
        Sectors = all.GroupBy(r => r.Entity.Sector).OrderBy(g => g.Key).Select(g => new SectorTotal(g.Key,
            g.Select(r => r.Entity.SubjectId).Distinct().Count(),
            g.Sum(r => r.Record.Obligation), g.Sum(r => r.Record.SurrenderedAllowances), g.Sum(r => r.Record.OffsetsUsed),
            g.Sum(r => r.OffsetLimit), g.Sum(r => r.Record.Shortfall), g.Count(r => r.Record.Compliant), g.Count(r => !r.Record.Compliant))).ToList();
        RowCount = all.Count;
        PageCount = Math.Max(1, (all.Count + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Rows = all.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var csv = new Csv();
        csv.Row("subject_id", "entity", "sector", "province", "period", "verified_emissions_tonnes", "allocated_tonnes",
            "surrendered_allowances_tonnes", "offsets_used_tonnes", "offset_limit_tonnes", "shortfall_tonnes", "compliant");
        foreach (var r in await RowsAsync(ct))
            csv.Row(r.Entity.SubjectId, r.Entity.Name, RequestReader.Snake(r.Entity.Sector.ToString()), r.Entity.Province, N(r.Record.Period),
                r.Record.VerifiedEmissions is { } v ? N(v) : "", N(r.Record.Allocated), N(r.Record.SurrenderedAllowances), N(r.Record.OffsetsUsed),
                N(r.OffsetLimit), N(r.Record.Shortfall), r.Record.Compliant ? "true" : "false");
        var name = Period is { } p ? $"compliance-{p}.csv" : "compliance.csv";
        return File(csv.ToBytes(), "text/csv; charset=utf-8", name);
    }

    public string PageLink(int page) => "/portal/compliance?" + (Period is { } p ? $"period={p}&" : "") + "page=" + page;

    private async Task<List<Row>> RowsAsync(CancellationToken ct)
    {
        var entities = (await store.Compliance.ComplianceEntitiesAsync(ct)).ToDictionary(e => e.SubjectId, StringComparer.Ordinal);
        var records = (await store.Compliance.ComplianceRecordsAsync(null, null, ct)).Where(r => entities.ContainsKey(r.SubjectId)).ToList();
        Periods = records.Select(r => r.Period).Distinct().OrderDescending().ToList();
        return records.Where(r => Period is null || r.Period == Period)
            .Select(r => new Row(entities[r.SubjectId], r, compliance.Rules.OffsetLimit(r.Obligation)))
            .OrderBy(r => r.Entity.Sector).ThenBy(r => r.Entity.Name, StringComparer.Ordinal).ThenByDescending(r => r.Record.Period)
            .ToList();
    }

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);
}
