using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenCcer.Core.Exchange;
using OpenCcer.Core.Primitives;
using OpenCcer.Core.Registry;
using OpenCcer.Server.Web;
using OpenCcer.Storage.Exchange;

namespace OpenCcer.Server.Pages.Market;

/// <summary>One market: price and volume by day, the day's bar, 5-level depth and time and sales.</summary>
public sealed class InstrumentModel(ExchangeEngine exchange, IStringLocalizer<Text> text) : PageModel
{
    /// <summary>Levels of depth shown each side.</summary>
    public const int Levels = 5;

    public MarketSnapshot Market { get; private set; } = null!;
    public List<TradeRow> Trades { get; private set; } = [];
    public IReadOnlyList<DepthLevel> Bids { get; private set; } = [];
    public IReadOnlyList<DepthLevel> Asks { get; private set; } = [];

    /// <summary>The chart's data as JSON, read by <c>charts.js</c> from a data attribute (no inline script).</summary>
    public string ChartJson { get; private set; } = "{}";
    public bool HasHistory { get; private set; }

    public async Task<IActionResult> OnGetAsync(string projectCode, int vintage, CancellationToken ct)
    {
        if (exchange.Market(new Instrument(projectCode, vintage)) is not { } market) return NotFound();
        Market = market;
        Bids = [.. market.Depth.Bids.Take(Levels)];
        Asks = [.. market.Depth.Asks.Take(Levels)];
        Trades = await exchange.Store.Exchange.TradesAsync(projectCode, vintage, 50, ct);
        var days = await exchange.Store.Exchange.TradeDaysAsync(projectCode, vintage, ct);
        HasHistory = days.Count > 0;
        ChartJson = JsonSerializer.Serialize(new
        {
            type = "bar",
            labels = days.Select(d => d.TradeDate),
            datasets = new object[]
            {
                new { label = text["Market.Volume"].Value, data = days.Select(d => d.Volume), unit = "t" },
                new { label = text["Market.Close"].Value, data = days.Select(d => decimal.Divide(d.LastPriceFen, 100m)), type = "line", yAxisID = "price", unit = "¥" },
            },
            stacked = false,
        });
        return Page();
    }

    public static string Time(string at) =>
        DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
            ? ChinaClock.Local(t).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
            : at;
}
