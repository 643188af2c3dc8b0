using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenCcer.Storage.Exchange;

namespace OpenCcer.Server.Pages.Market;

/// <summary>Every listed instrument with its last and base price and the day's volume.</summary>
public sealed class IndexModel(ExchangeEngine exchange) : PageModel
{
    public sealed record Row(MarketSnapshot Market, long? LastPriceFen);

    public List<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        foreach (var m in exchange.Markets.OrderBy(m => m.Info.Instrument.ProjectCode, StringComparer.Ordinal).ThenBy(m => m.Info.Instrument.Vintage))
        {
            var last = (await exchange.Store.Exchange.TradesAsync(m.Info.Instrument.ProjectCode, m.Info.Instrument.Vintage, 1, ct)).FirstOrDefault();
            Rows.Add(new Row(m, last?.PriceFen));
        }
    }
}
