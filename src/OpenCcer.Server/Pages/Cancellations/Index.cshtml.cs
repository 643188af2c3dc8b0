using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenCcer.Core.Registry;
using OpenCcer.Server.Web;
using OpenCcer.Storage;
using OpenCcer.Storage.Projections;

namespace OpenCcer.Server.Pages.Cancellations;

/// <summary>The public cancellation (注销) register, newest first, with certificate look-up and CSV export.</summary>
public sealed class IndexModel(LedgerStore store) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "certificate")] public string? Certificate { get; set; }
    /// <summary>The page of rows shown, from <c>?page=</c> (read from the query only: Razor Pages keep their own "page" route value).</summary>
    public int PageNumber { get; private set; } = 1;

    public List<CancellationRow> Rows { get; private set; } = [];
    public CancellationRow? Found { get; private set; }
    public bool Searched => !string.IsNullOrWhiteSpace(Certificate);
    public int PageCount { get; private set; }

    public async Task OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken ct)
    {
        if (Searched) Found = await store.Registry.CancellationAsync(Certificate!.Trim(), ct);
        var all = (await Explorer.CancellationsAsync(store, ct)).OrderByDescending(c => c.Id).ToList();
        (Rows, PageNumber, PageCount) = Paging.Page(all, page);
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var csv = new Csv();
        csv.Row("certificate_number", "project_code", "vintage", "quantity_tonnes", "purpose", "beneficiary", "serials", "cancelled_at");
        foreach (var c in (await Explorer.CancellationsAsync(store, ct)).OrderByDescending(c => c.Id))
            csv.Row(c.CertificateNumber, c.ProjectCode, c.Vintage.ToString(CultureInfo.InvariantCulture), c.Quantity.ToString(CultureInfo.InvariantCulture),
                System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(((CancellationPurpose)c.Purpose).ToString()), c.Beneficiary, c.Ranges, c.CancelledAt);
        return File(csv.ToBytes(), "text/csv; charset=utf-8", "cancellations.csv");
    }
}
