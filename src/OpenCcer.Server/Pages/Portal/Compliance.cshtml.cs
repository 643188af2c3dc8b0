using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenCcer.Application;
using OpenCcer.Application.Compliance;
using OpenCcer.Server.Api;
using OpenCcer.Server.People;
using OpenCcer.Server.Web;

namespace OpenCcer.Server.Pages.Portal;

/// <summary>
/// The regulator's compliance overview of the national ETS: key emitting units by sector, their verified
/// emissions, what they surrendered, the CCER offsets used against the offset cap (5% of the obligation)
/// and whether they are compliant. The same figures as the overview API, one page of entities at a time,
/// and the whole list as CSV.
/// </summary>
[Authorize(Policy = PeopleAuthentication.SupervisorPolicy)]
public sealed class ComplianceModel(ComplianceUseCases compliance) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public int? Period { get; set; }
    /// <summary>The page of rows shown, from <c>?page=</c> (read from the query only: Razor Pages keep their own "page" route value).</summary>
    public int PageNumber { get; private set; } = 1;

    public IReadOnlyList<int> Periods { get; private set; } = [];
    public IReadOnlyList<ComplianceSectorTotal> Sectors { get; private set; } = [];
    public List<ComplianceOverviewRow> Rows { get; private set; } = [];
    public int RowCount { get; private set; }
    public int PageCount { get; private set; }
    public int OffsetSharePercent => (int)(compliance.Rules.OffsetLimit(10_000) / 100);

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken ct)
    {
        var outcome = await compliance.OverviewAsync(Caller.Of(User), Period, ct);
        if (!outcome.IsOk) return Forbid();
        var overview = outcome.Value!;
        Periods = overview.Periods;
        Sectors = overview.Sectors;
        RowCount = overview.Rows.Count;
        PageCount = Math.Max(1, (RowCount + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(page ?? 1, 1, PageCount);
        Rows = overview.Rows.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var outcome = await compliance.OverviewAsync(Caller.Of(User), Period, ct);
        if (!outcome.IsOk) return Forbid();
        var csv = new Csv();
        csv.Row("subject_id", "entity", "sector", "province", "period", "verified_emissions_tonnes", "allocated_tonnes",
            "surrendered_allowances_tonnes", "offsets_used_tonnes", "offset_limit_tonnes", "shortfall_tonnes", "compliant");
        foreach (var r in outcome.Value!.Rows)
            csv.Row(r.Entity.SubjectId, r.Entity.Name, RequestReader.Snake(r.Entity.Sector.ToString()), r.Entity.Province, N(r.Record.Period),
                r.Record.VerifiedEmissions is { } v ? N(v) : "", N(r.Record.Allocated), N(r.Record.SurrenderedAllowances), N(r.Record.OffsetsUsed),
                N(r.OffsetLimit), N(r.Record.Shortfall), r.Record.Compliant ? "true" : "false");
        var name = Period is { } p ? $"compliance-{p}.csv" : "compliance.csv";
        return File(csv.ToBytes(), "text/csv; charset=utf-8", name);
    }

    public string PageLink(int page) => "/portal/compliance?" + (Period is { } p ? $"period={p}&" : "") + "page=" + page;

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);
}
