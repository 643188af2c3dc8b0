using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenCcer.Core.Lifecycle;
using OpenCcer.Server.Web;
using OpenCcer.Storage;
using OpenCcer.Storage.Lifecycle;
using OpenCcer.Storage.Projections;

namespace OpenCcer.Server.Pages;

/// <summary>Home: the registry's and the market's headline figures, projects open for comments, latest issuances.</summary>
public sealed class IndexModel(LedgerStore store, LifecycleService lifecycle) : PageModel
{
    /// <summary>Tonnes traded on the exchange so far.</summary>
    public long TradedTonnes { get; private set; }

    /// <summary>The latest trade on any market, or null before the first.</summary>
    public Storage.Exchange.TradeRow? LatestTrade { get; private set; }

    public RegistryTotals Totals { get; private set; } = null!;
    public int ProjectCount { get; private set; }
    public int RegisteredCount { get; private set; }
    public List<ProjectRecord> InNotice { get; private set; } = [];
    public List<IssuanceRow> LatestIssuances { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Totals = await store.Registry.TotalsAsync(ct);
        TradedTonnes = await store.Exchange.TradedTonnesAsync(ct);
        LatestTrade = await store.Exchange.LatestTradeAsync(ct);
        var projects = await Explorer.AllProjectsAsync(store, ct);
        Today = lifecycle.Today();
        ProjectCount = projects.Count;
        RegisteredCount = projects.Count(p => p.State.Phase == ProjectPhase.Registered);
        InNotice = projects.Where(p => p.State.Phase == ProjectPhase.InPublicNotice && p.State.Notice?.IsOpenOn(Today) == true).Take(10).ToList();
        LatestIssuances = (await Explorer.IssuancesAsync(store, null, ct)).OrderByDescending(i => i.Id).Take(5).ToList();
    }
}
