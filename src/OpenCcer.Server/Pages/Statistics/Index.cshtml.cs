using System.Text.Json;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenCcer.Core.Registry;
using OpenCcer.Server.Api;
using OpenCcer.Server.Web;
using OpenCcer.Storage;

namespace OpenCcer.Server.Pages.Statistics;

/// <summary>Charts from the registry's data: units issued by methodology and vintage, units cancelled by purpose.</summary>
public sealed class IndexModel(LedgerStore store, ReferenceDataHolder reference, IStringLocalizer<Text> text) : PageModel
{
    public List<int> Years { get; private set; } = [];
    public List<(string Methodology, long[] ByYear)> Issued { get; private set; } = [];
    public List<(string Purpose, long Tonnes)> Cancelled { get; private set; } = [];

    /// <summary>The charts' data as JSON, read by <c>charts.js</c> from a data attribute (no inline script).</summary>
    public string IssuedJson { get; private set; } = "{}";
    public string CancelledJson { get; private set; } = "{}";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var methodologyOf = (await Explorer.AllProjectsAsync(store, ct)).GroupBy(p => p.Code)
            .ToDictionary(g => g.Key, g => g.First().State.Description.MethodologyCode, StringComparer.Ordinal);
        var issuances = await Explorer.IssuancesAsync(store, null, ct);
        Years = issuances.Select(i => i.Vintage).Distinct().Order().ToList();
        var catalogue = reference.Current.Catalogue;
        Issued = issuances.GroupBy(i => methodologyOf.GetValueOrDefault(i.ProjectCode, ""))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key == "" ? text["Statistics.Unknown"].Value : Display.Methodology(catalogue, g.Key),
                Years.Select(y => g.Where(i => i.Vintage == y).Sum(i => i.Last - i.First + 1)).ToArray()))
            .ToList();
        Cancelled = (await Explorer.CancellationsAsync(store, ct)).GroupBy(c => (CancellationPurpose)c.Purpose)
            .OrderBy(g => g.Key)
            .Select(g => (text.Purpose(g.Key), g.Sum(c => c.Quantity)))
            .ToList();
        IssuedJson = JsonSerializer.Serialize(new
        {
            type = "bar",
            labels = Years.Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            datasets = Issued.Select(m => new { label = m.Methodology, data = m.ByYear }),
            stacked = true,
        });
        CancelledJson = JsonSerializer.Serialize(new
        {
            type = "doughnut",
            labels = Cancelled.Select(c => c.Purpose),
            datasets = new[] { new { label = text["Statistics.Cancelled"].Value, data = Cancelled.Select(c => c.Tonnes) } },
            stacked = false,
        });
    }
}
