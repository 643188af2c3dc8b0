using System.Text.Json;
using OpenCcer.Application;
using OpenCcer.Application.Exchange;
using OpenCcer.Core.Registry;
using static OpenCcer.Server.Api.ExchangeCall;

namespace OpenCcer.Server.Api;

/// <summary>
/// Trading under <c>/api/v1/exchange</c>: listing an instrument, listed agreements (post, take, cancel), bulk
/// agreements, one-way biddings, and the exchange operator's suspension, close and settlement. Every write
/// carries an operation id and is journaled before it is answered; order ids are the journal sequence. Each
/// route reads its body and calls the application's handler; the rules are the handler's.
/// </summary>
public static class ExchangeEndpoints
{
    private const string Market = "/markets/{projectCode}/{vintage:int}";

    public static IEndpointRouteBuilder MapTradingEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/exchange").WithTags("Exchange").ProducesProblem(400).ProducesProblem(401).ProducesProblem(403)
            .ProducesProblem(404).ProducesProblem(409);
        var trader = api.MapGroup("").RequireAuthorization(ExchangeSetup.TraderPolicy);
        var op = api.MapGroup("").RequireAuthorization(ExchangeSetup.OperatorPolicy);

        trader.MapPost("/instruments", ListInstrument).Accepts<ListInstrumentRequest>("application/json")
            .WithSummary("Move units of a project and vintage to the trading account; the first holder lists the instrument at its initial price (tradable from the next trading day).");
        trader.MapPost(Market + "/listings", PostListing).Accepts<PostListingRequest>("application/json")
            .WithSummary("Post a buy or sell listing (挂牌); units or funds with fee are reserved.");
        trader.MapPost(Market + "/listings/{id:long}/take", TakeListing).Accepts<TakeListingRequest>("application/json")
            .WithSummary("Take (摘牌) all or part of a listing at its price.");
        trader.MapPost(Market + "/take-best", TakeBest).Accepts<TakeBestRequest>("application/json")
            .WithSummary("Take from the best listing of a side (best price, then earliest).");
        trader.MapPost(Market + "/listings/{id:long}/cancel", CancelListing).Accepts<OperationOnlyRequest>("application/json")
            .WithSummary("Cancel the open part of one's own listing; its reservation is released.");
        trader.MapPost(Market + "/bulk", ProposeBulk).Accepts<ProposeBulkRequest>("application/json")
            .WithSummary("Propose a bulk agreement (大宗协议) to a named counterparty.");
        trader.MapPost(Market + "/bulk/{id:long}/confirm", ConfirmBulk).Accepts<OperationOnlyRequest>("application/json")
            .WithSummary("Confirm a bulk proposal made to you: one trade.");
        trader.MapPost(Market + "/bulk/{id:long}/decline", DeclineBulk).Accepts<OperationOnlyRequest>("application/json")
            .WithSummary("Decline a proposal made to you, or withdraw your own.");
        trader.MapPost(Market + "/biddings", AnnounceBidding).Accepts<AnnounceBiddingRequest>("application/json")
            .WithSummary("Announce a one-way bidding (单向竞价): quantity, reserve price and window.");
        trader.MapPost(Market + "/biddings/{id:long}/bids", PlaceBid).Accepts<PlaceBidRequest>("application/json")
            .WithSummary("Place a sealed bid in a one-way bidding.");
        trader.MapGet("/orders", OwnOrders).WithSummary("The caller's open listings on every market.");

        op.MapPost(Market + "/biddings/{id:long}/close", CloseBidding).Accepts<OperationOnlyRequest>("application/json")
            .WithSummary("Allocate a bidding whose window has ended (exchange operator).");
        op.MapPost(Market + "/suspend", Suspend).Accepts<SuspendRequest>("application/json").WithSummary("Suspend trading in an instrument (exchange operator).");
        op.MapPost(Market + "/resume", Resume).Accepts<OperationOnlyRequest>("application/json").WithSummary("Resume trading in an instrument (exchange operator).");
        op.MapPost("/close", CloseMarkets).Accepts<OperationOnlyRequest>("application/json")
            .WithSummary("Close the trading day of every market whose close has passed: open listings and proposals expire (exchange operator).");
        op.MapPost("/settlements", Settle).Accepts<SettleTradesRequest>("application/json")
            .WithSummary("Settle every trade of a trading day after its close: gross, delivery versus payment, with the registry in one step (exchange operator).");
        return app;
    }

    private static Instrument Of(string projectCode, int vintage) => new(projectCode, vintage);

    private static Task<IResult> ListInstrument(HttpContext http, ListedTrading trading, JsonSerializerOptions json) =>
        Write<ListInstrumentRequest>(http, json, (caller, body, ct) => trading.ListInstrumentAsync(caller, body, ct));

    private static Task<IResult> PostListing(HttpContext http, ListedTrading trading, JsonSerializerOptions json, string projectCode, int vintage) =>
        Write<PostListingRequest>(http, json, (caller, body, ct) => trading.PostListingAsync(caller, Of(projectCode, vintage), body, ct));

    private static Task<IResult> TakeListing(HttpContext http, ListedTrading trading, JsonSerializerOptions json, string projectCode, int vintage, long id) =>
        Write<TakeListingRequest>(http, json, (caller, body, ct) => trading.TakeListingAsync(caller, Of(projectCode, vintage), id, body, ct));

    private static Task<IResult> TakeBest(HttpContext http, ListedTrading trading, JsonSerializerOptions json, string projectCode, int vintage) =>
        Write<TakeBestRequest>(http, json, (caller, body, ct) => trading.TakeBestAsync(caller, Of(projectCode, vintage), body, ct));

    private static Task<IResult> CancelListing(HttpContext http, ListedTrading trading, JsonSerializerOptions json, string projectCode, int vintage, long id) =>
        Write<OperationOnlyRequest>(http, json, (caller, body, ct) => trading.CancelListingAsync(caller, Of(projectCode, vintage), id, body, ct));

    private static Task<IResult> ProposeBulk(HttpContext http, BulkAgreements bulk, JsonSerializerOptions json, string projectCode, int vintage) =>
        Write<ProposeBulkRequest>(http, json, (caller, body, ct) => bulk.ProposeAsync(caller, Of(projectCode, vintage), body, ct));

    private static Task<IResult> ConfirmBulk(HttpContext http, BulkAgreements bulk, JsonSerializerOptions json, string projectCode, int vintage, long id) =>
        Write<OperationOnlyRequest>(http, json, (caller, body, ct) => bulk.ConfirmAsync(caller, Of(projectCode, vintage), id, body, ct));

    private static Task<IResult> DeclineBulk(HttpContext http, BulkAgreements bulk, JsonSerializerOptions json, string projectCode, int vintage, long id) =>
        Write<OperationOnlyRequest>(http, json, (caller, body, ct) => bulk.DeclineAsync(caller, Of(projectCode, vintage), id, body, ct));

    private static Task<IResult> AnnounceBidding(HttpContext http, OneWayBiddings biddings, JsonSerializerOptions json, string projectCode, int vintage) =>
        Write<AnnounceBiddingRequest>(http, json, (caller, body, ct) => biddings.AnnounceAsync(caller, Of(projectCode, vintage), body, ct));

    private static Task<IResult> PlaceBid(HttpContext http, OneWayBiddings biddings, JsonSerializerOptions json, string projectCode, int vintage, long id) =>
        Write<PlaceBidRequest>(http, json, (caller, body, ct) => biddings.BidAsync(caller, Of(projectCode, vintage), id, body, ct));

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

    private static Task<IResult> CloseBidding(HttpContext http, OneWayBiddings biddings, JsonSerializerOptions json, string projectCode, int vintage, long id) =>
        Write<OperationOnlyRequest>(http, json, (caller, body, ct) => biddings.CloseAsync(caller, Of(projectCode, vintage), id, body, ct));

    private static Task<IResult> Suspend(HttpContext http, MarketOperations market, JsonSerializerOptions json, string projectCode, int vintage) =>
        Write<SuspendRequest>(http, json, (caller, body, ct) => market.SuspendAsync(caller, Of(projectCode, vintage), body, ct));

    private static Task<IResult> Resume(HttpContext http, MarketOperations market, JsonSerializerOptions json, string projectCode, int vintage) =>
        Write<OperationOnlyRequest>(http, json, (caller, body, ct) => market.ResumeAsync(caller, Of(projectCode, vintage), body, ct));

    private static Task<IResult> CloseMarkets(HttpContext http, MarketOperations market, JsonSerializerOptions json) =>
        Write<OperationOnlyRequest>(http, json, (caller, body, ct) => market.CloseDayAsync(caller, body, ct));

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
