using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Mvc;
using OpenCcer.Application;
using OpenCcer.Application.Exchange;
using OpenCcer.Core.Exchange;
using OpenCcer.Core.Registry;
using OpenCcer.Storage.Exchange;

namespace OpenCcer.Server.Api;

/// <summary>
/// Market data (public, anonymous): instruments, base price, the day's bar, 5-level depth with 委比 and
/// 委差, the listing board, time and sales, and a server-sent-events feed of trades and depth. Settlement
/// reports are for the participant, the exchange and the regulator.
/// </summary>
public static class MarketEndpoints
{
    /// <summary>Seconds between keep-alive comments on an idle feed.</summary>
    public const int FeedKeepAliveSeconds = 15;

    public static IEndpointRouteBuilder MapMarketEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/exchange").WithTags("Market data");
        api.MapGet("/instruments", Instruments).AllowAnonymous().WithSummary("Listed instruments with their market data.");
        api.MapGet("/markets/{projectCode}/{vintage:int}", Market).AllowAnonymous().ProducesProblem(404)
            .WithSummary("One market: base price, the day's open/high/low/close/volume/turnover, 5-level depth, 委比 and 委差.");
        api.MapGet("/markets/{projectCode}/{vintage:int}/listings", Board).AllowAnonymous().ProducesProblem(404)
            .WithSummary("Open listings in priority order (owners not shown).");
        api.MapGet("/markets/{projectCode}/{vintage:int}/trades", TimeAndSales).AllowAnonymous().ProducesProblem(404)
            .WithSummary("Time and sales: the latest trades, newest first (buyers and sellers not shown).");
        api.MapGet("/feed", Feed).AllowAnonymous().ProducesProblem(406)
            .WithSummary("Server-sent events (Accept: text/event-stream): `depth` for every market on connect and after each change, `trade` for each trade.");
        api.MapGet("/settlements/{date}/report", Report).RequireAuthorization(ExchangeSetup.ReportReaderPolicy).ProducesProblem(400).ProducesProblem(401)
            .ProducesProblem(403).WithSummary("Settlement report of a trading day: own; the exchange and the regulator name a participant_id or get all.");
        return app;
    }

    private static IResult Instruments(ExchangeEngine exchange) => TypedResults.Ok(exchange.Markets.Select(MarketView.Of));

    private static IResult Market(ExchangeEngine exchange, string projectCode, int vintage) =>
        exchange.Market(new Instrument(projectCode, vintage)) is { } m ? TypedResults.Ok(MarketView.Of(m)) : Refusals.Of(VenueStatus.InstrumentNotListed).ToProblem();

    private static IResult Board(ExchangeEngine exchange, string projectCode, int vintage) =>
        exchange.Market(new Instrument(projectCode, vintage)) is { } m
            ? TypedResults.Ok(new { Buys = m.Buys.Select(ListingBoardView.Of), Sells = m.Sells.Select(ListingBoardView.Of) })
            : Refusals.Of(VenueStatus.InstrumentNotListed).ToProblem();

    private static async Task<IResult> TimeAndSales(HttpContext http, ExchangeEngine exchange, string projectCode, int vintage, int? limit)
    {
        if (exchange.Market(new Instrument(projectCode, vintage)) is null) return Refusals.Of(VenueStatus.InstrumentNotListed).ToProblem();
        var trades = await exchange.Store.Exchange.TradesAsync(projectCode, vintage, limit ?? 50, http.RequestAborted);
        return TypedResults.Ok(trades.Select(t => new TradePrintView(t.TradeId, t.Method, t.PriceFen, t.Quantity, t.TurnoverFen, t.At)));
    }

    private static async Task<IResult> Report(HttpContext http, SettlementReads reads, string date, [FromQuery(Name = "participant_id")] long? participantId)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return Problems.Invalid("date", "A trading date, yyyy-MM-dd.");
        return (await reads.ReportAsync(Caller.Of(http.User), day, participantId, http.RequestAborted))
            .ToResult(reports => TypedResults.Ok(reports.Select(SettlementReportView.Of).ToList()));
    }

    private static async Task Feed(HttpContext http, ExchangeEngine exchange, JsonSerializerOptions json)
    {
        if (!http.Request.Headers.Accept.Any(a => a?.Contains("text/event-stream", StringComparison.OrdinalIgnoreCase) == true))
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status406NotAcceptable, title: "Ask for an event stream.",
                type: Problems.ForHttpStatus(406), detail: "Send Accept: text/event-stream to receive the feed.").ExecuteAsync(http);
            return;
        }
        var changes = Channel.CreateBounded<ExchangeChange>(new BoundedChannelOptions(1_000) { FullMode = BoundedChannelFullMode.DropOldest });
        void OnChange(ExchangeChange change) => changes.Writer.TryWrite(change);
        exchange.Changed += OnChange;
        var ct = http.RequestAborted;
        try
        {
            http.Response.ContentType = "text/event-stream";
            http.Response.Headers.CacheControl = "no-cache";
            foreach (var market in exchange.Markets) await SendAsync(http, json, "depth", MarketView.Of(market), ct);
            await http.Response.Body.FlushAsync(ct);
            while (!ct.IsCancellationRequested)
            {
                using var idle = CancellationTokenSource.CreateLinkedTokenSource(ct);
                idle.CancelAfter(TimeSpan.FromSeconds(FeedKeepAliveSeconds));
                ExchangeChange change;
                try
                {
                    change = await changes.Reader.ReadAsync(idle.Token);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    await http.Response.WriteAsync(": keep-alive\n\n", ct);
                    await http.Response.Body.FlushAsync(ct);
                    continue;
                }
                foreach (var t in change.Trades)
                {
                    await SendAsync(http, json, "trade", new
                    {
                        t.Instrument.ProjectCode,
                        t.Instrument.Vintage,
                        TradeId = t.Id.Value,
                        Method = RequestReader.Snake(t.Method.ToString()),
                        PriceFen = t.Price.Fen,
                        QuantityTonnes = t.Quantity.Value,
                        t.At,
                    }, ct);
                }
                foreach (var market in change.Markets) await SendAsync(http, json, "depth", MarketView.Of(market), ct);
                await http.Response.Body.FlushAsync(ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away.
        }
        finally
        {
            exchange.Changed -= OnChange;
        }
    }

    private static Task SendAsync(HttpContext http, JsonSerializerOptions json, string name, object data, CancellationToken ct) =>
        http.Response.WriteAsync($"event: {name}\ndata: {JsonSerializer.Serialize(data, json)}\n\n", ct);
}
