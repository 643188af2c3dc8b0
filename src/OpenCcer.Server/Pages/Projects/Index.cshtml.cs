using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenCcer.Core.Lifecycle;
using OpenCcer.Server.Web;
using OpenCcer.Storage;
using OpenCcer.Storage.Lifecycle;

namespace OpenCcer.Server.Pages.Projects;

/// <summary>The project list: search, filters (methodology, province, status, vintage), pages of <see cref="Explorer.PageSize"/>, CSV export.</summary>
public sealed class IndexModel(LedgerStore store) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Search { get; set; }
    [BindProperty(SupportsGet = true, Name = "methodology")] public string? Methodology { get; set; }
    [BindProperty(SupportsGet = true, Name = "province")] public string? Province { get; set; }
    [BindProperty(SupportsGet = true, Name = "status")] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "vintage")] public int? Vintage { get; set; }
    /// <summary>The page of rows shown, from <c>?page=</c> (read from the query only: Razor Pages keep their own "page" route value).</summary>
    public int PageNumber { get; private set; } = 1;

    public List<ProjectRecord> Projects { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount { get; private set; }
    public List<string> Provinces { get; private set; } = [];

    private Explorer.ProjectFilter Filter() =>
        new(Search, Methodology, Province, Enum.TryParse<ProjectPhase>(Status, out var phase) && Enum.IsDefined(phase) ? phase : null, Vintage);

    public async Task OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken ct)
    {
        var found = await Explorer.ProjectsAsync(store, Filter(), ct);
        Provinces = (await Explorer.AllProjectsAsync(store, ct)).Select(p => p.Province).Distinct().Order(StringComparer.Ordinal).ToList();
        Total = found.Count;
        (Projects, PageNumber, PageCount) = Paging.Page(found, page);
    }

    /// <summary>Every project matching the filters as CSV (UTF-8 with a byte order mark, so spreadsheets read the Chinese).</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var found = await Explorer.ProjectsAsync(store, Filter(), ct);
        var csv = new Csv();
        csv.Row("id", "code", "title", "methodology_code", "province", "phase", "owner_subject_id", "crediting_start", "crediting_years", "registered_on");
        foreach (var p in found)
            csv.Row(p.State.Id.ToString(), p.Code, p.State.Description.Title, p.State.Description.MethodologyCode, p.Province,
                JsonNaming(p.State.Phase.ToString()), p.OwnerSubjectId, Iso(p.State.Description.CreditingPeriod.Start),
                p.State.Description.CreditingPeriod.Years.ToString(CultureInfo.InvariantCulture), p.State.RegisteredOn is { } d ? Iso(d) : "");
        return File(csv.ToBytes(), "text/csv; charset=utf-8", "projects.csv");
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string JsonNaming(string name) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(name);

    /// <summary>This page's address with one query value changed (for pagination links).</summary>
    public string PageLink(int page)
    {
        var query = Request.Query.Where(q => q.Key is not "page" and not "handler")
            .SelectMany(q => q.Value.Select(v => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(v ?? "")))
            .Append("page=" + page.ToString(CultureInfo.InvariantCulture));
        return "/projects?" + string.Join("&", query);
    }

    public string CsvLink()
    {
        var query = Request.Query.Where(q => q.Key is not "page" and not "handler" and not WebSetup.LanguageQueryKey)
            .SelectMany(q => q.Value.Select(v => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(v ?? "")))
            .Append("handler=csv");
        return "/projects?" + string.Join("&", query);
    }
}
