using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenCcer.Application;
using OpenCcer.Application.Exchange;
using OpenCcer.Core.Exchange;
using OpenCcer.Core.Primitives;
using OpenCcer.Server.Api;
using OpenCcer.Server.Web;
using OpenCcer.Storage;
using OpenCcer.Storage.Exchange;

namespace OpenCcer.Server.Pages.Portal;

/// <summary>
/// The exchange operator's day end: close the trading day of every market, settle a day's trades, and
/// every participant's settlement report of that day. The same operations as the API's close and settlement.
/// </summary>
[Authorize(Policy = ExchangeSetup.OperatorPolicy)]
public sealed class ExchangeModel(ExchangeEngine exchange, MarketOperations market, OneWayBiddings biddings, LedgerStore store, TimeProvider time,
    IStringLocalizer<Text> text) : PageModel
{
    public FormErrors Errors { get; } = new();
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }
    [BindProperty(SupportsGet = true, Name = "date")] public string? Date { get; set; }

    /// <summary>The date offered for settlement: the earliest trade date not yet settled, else today (China Standard Time).</summary>
    public string SettleDate { get; private set; } = "";
    public IReadOnlyList<MarketSnapshot> Markets => exchange.Markets;
    public List<SettlementReport> Reports { get; private set; } = [];

    /// <summary>Open one-way biddings of every market: the operator closes each once its window has ended.</summary>
    public List<TradingModel.Bidding> Biddings => TradingModel.OpenBiddings(exchange.Markets);

    public string NewOperationId() => "web-" + Guid.CreateVersion7(time.GetUtcNow()).ToString("N");

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCloseAsync(string? operationId)
    {
        var outcome = await market.CloseDayAsync(Caller.Of(User), new OperationOnlyRequest(operationId), HttpContext.RequestAborted);
        return await After(outcome.Refusal, "/portal/exchange?done=closed");
    }

    /// <summary>Closes one bidding and allocates it (the API's <c>biddings/{id}/close</c>); refused while its window is open.</summary>
    public async Task<IActionResult> OnPostCloseBiddingAsync(string? operationId, string? projectCode, int? vintage, long? bidding)
    {
        var r = new Fields();
        var id = r.Required("bidding", bidding);
        var listed = projectCode is null || vintage is null ? null : exchange.Market(new(projectCode, vintage.Value));
        if (listed is null) r.Fail("bidding", "No listed instrument has this bidding.");
        if (r.HasErrors) return await After(r.Refusal(), "", "bidding");
        var outcome = await biddings.CloseAsync(Caller.Of(User), listed!.Info.Instrument, id, new OperationOnlyRequest(operationId), HttpContext.RequestAborted);
        return await After(outcome.Refusal, "/portal/exchange?done=bidding-closed#biddings", "bidding");
    }

    public async Task<IActionResult> OnPostSettleAsync(string? operationId, string? date)
    {
        var day = DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateOnly?)null;
        var outcome = await market.SettleAsync(Caller.Of(User), new SettleTradesRequest(operationId, day), HttpContext.RequestAborted);
        return await After(outcome.Refusal, "/portal/exchange?done=settled&date=" + day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "date");
    }

    private async Task<IActionResult> After(Refusal? refusal, string done, params string[] fields)
    {
        if (refusal is null) return Redirect(done);
        Errors.Accept(refusal, text, fields);
        await LoadAsync(HttpContext.RequestAborted);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var today = ChinaClock.Today(time).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        SettleDate = await store.Exchange.EarliestUnsettledTradeDateAsync(ct) ?? today;
        if (DateOnly.TryParseExact(Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var shown))
            Reports = await SettlementReports.AllAsync(store, shown.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ct);
    }
}
