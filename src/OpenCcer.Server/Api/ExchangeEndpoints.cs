using System.Text.Json;
using OpenCcer.Application;
using OpenCcer.Application.Exchange;
using OpenCcer.Core.Registry;

namespace OpenCcer.Server.Api;

/// <summary>
/// Trading under <c>/api/v1/exchange</c>: listing an instrument, listed agreements (post, take, cancel), bulk
/// agreements, one-way biddings, and the exchange operator's suspension, close and settlement. Every write
/// carries an operation id and is journaled before it is answered; order ids are the journal sequence. Each
/// route reads its body and calls the application's handler; the rules are the handler's.
/// </summary>
public static class ExchangeEndpoints
{
    public static IEndpointRouteBuilder MapTradingEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/exchange").WithTags("Exchange").ProducesProblem(400).ProducesProblem(401).ProducesProblem(403)
            .ProducesProblem(404).ProducesProblem(409);
        var trader = api.MapGroup("").RequireAuthorization(ExchangeSetup.TraderPolicy);
        var op = api.MapGroup("").RequireAuthorization(ExchangeSetup.OperatorPolicy);

        var trade = new ExchangeRoutes(trader);
        trade.Post<ListedTrading, ListInstrumentRequest>("/instruments", (t, c, b, ct) => t.ListInstrumentAsync(c, b, ct))
            .WithSummary("Move units of a project and vintage to the trading account; the first holder lists the instrument at its initial price (tradable from the next trading day).");
        trade.PostOnMarket<ListedTrading, PostListingRequest>("/listings", (t, c, i, b, ct) => t.PostListingAsync(c, i, b, ct))
            .WithSummary("Post a buy or sell listing (挂牌); units or funds with fee are reserved.");
        trade.PostOnMarket<ListedTrading, TakeListingRequest>("/listings/{id:long}/take", (t, c, i, id, b, ct) => t.TakeListingAsync(c, i, id, b, ct))
            .WithSummary("Take (摘牌) all or part of a listing at its price.");
        trade.PostOnMarket<ListedTrading, TakeBestRequest>("/take-best", (t, c, i, b, ct) => t.TakeBestAsync(c, i, b, ct))
            .WithSummary("Take from the best listing of a side (best price, then earliest).");
        trade.PostOnMarket<ListedTrading, OperationOnlyRequest>("/listings/{id:long}/cancel", (t, c, i, id, b, ct) => t.CancelListingAsync(c, i, id, b, ct))
            .WithSummary("Cancel the open part of one's own listing; its reservation is released.");
        trade.PostOnMarket<BulkAgreements, ProposeBulkRequest>("/bulk", (k, c, i, b, ct) => k.ProposeAsync(c, i, b, ct))
            .WithSummary("Propose a bulk agreement (大宗协议) to a named counterparty.");
        trade.PostOnMarket<BulkAgreements, OperationOnlyRequest>("/bulk/{id:long}/confirm", (k, c, i, id, b, ct) => k.ConfirmAsync(c, i, id, b, ct))
            .WithSummary("Confirm a bulk proposal made to you: one trade.");
        trade.PostOnMarket<BulkAgreements, OperationOnlyRequest>("/bulk/{id:long}/decline", (k, c, i, id, b, ct) => k.DeclineAsync(c, i, id, b, ct))
            .WithSummary("Decline a proposal made to you, or withdraw your own.");
        trade.PostOnMarket<OneWayBiddings, AnnounceBiddingRequest>("/biddings", (o, c, i, b, ct) => o.AnnounceAsync(c, i, b, ct))
            .WithSummary("Announce a one-way bidding (单向竞价): quantity, reserve price and window.");
        trade.PostOnMarket<OneWayBiddings, PlaceBidRequest>("/biddings/{id:long}/bids", (o, c, i, id, b, ct) => o.BidAsync(c, i, id, b, ct))
            .WithSummary("Place a sealed bid in a one-way bidding.");
        trader.MapGet("/orders", OwnOrders).WithSummary("The caller's open listings on every market.");

        var operate = new ExchangeRoutes(op);
        operate.PostOnMarket<OneWayBiddings, OperationOnlyRequest>("/biddings/{id:long}/close", (o, c, i, id, b, ct) => o.CloseAsync(c, i, id, b, ct))
            .WithSummary("Allocate a bidding whose window has ended (exchange operator).");
        operate.PostOnMarket<MarketOperations, SuspendRequest>("/suspend", (m, c, i, b, ct) => m.SuspendAsync(c, i, b, ct))
            .WithSummary("Suspend trading in an instrument (exchange operator).");
        operate.PostOnMarket<MarketOperations, OperationOnlyRequest>("/resume", (m, c, i, b, ct) => m.ResumeAsync(c, i, b, ct))
            .WithSummary("Resume trading in an instrument (exchange operator).");
        operate.Post<MarketOperations, OperationOnlyRequest>("/close", (m, c, b, ct) => m.CloseDayAsync(c, b, ct))
            .WithSummary("Close the trading day of every market whose close has passed: open listings and proposals expire (exchange operator).");
        op.MapPost("/settlements", Settle).Accepts<SettleTradesRequest>("application/json")
            .WithSummary("Settle every trade of a trading day after its close: gross, delivery versus payment, with the registry in one step (exchange operator).");
        return app;
    }

    private static async Task<IResult> OwnOrders(HttpContext http, ListedTrading trading) =>
        (await trading.OwnOrdersAsync(Caller.Of(http.User), http.RequestAborted)).ToResult(orders => TypedResults.Ok(orders.Select(o => new
        {
            o.Instrument.ProjectCode,
            o.Instrument.Vintage,
            ListingId = o.Listing.Id.Value,
            Side = RequestReader.Snake(o.Listing.Side.ToString()),
            PriceFen = o.Listing.Price.Fen,
            OriginalTonnes = o.Listing.Original.Value,
            OpenTonnes = o.Listing.Open.Value,
        })));

    private static async Task<IResult> Settle(HttpContext http, MarketOperations market, JsonSerializerOptions json)
    {
        var (body, problem) = await RequestReader.ReadAsync<SettleTradesRequest>(http, json);
        if (problem is not null) return problem;
        var outcome = await market.SettleAsync(Caller.Of(http.User), body!, http.RequestAborted);
        return outcome.ToResult(done => TypedResults.Ok(new
        {
            done.OperationId,
            done.Sequence,
            done.Outcome.Replayed,
            Date = body!.Date,
            SettledTrades = done.Outcome.Settled.Select(p => TradeView.Of(p.Trade)).ToArray(),
        }));
    }
}
