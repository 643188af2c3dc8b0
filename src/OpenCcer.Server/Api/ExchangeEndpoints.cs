using System.Text.Json;
using OpenCcer.Application;
using OpenCcer.Core.Exchange;
using OpenCcer.Core.Primitives;
using OpenCcer.Core.Registry;
using OpenCcer.Storage.Exchange;
using static OpenCcer.Server.Api.ExchangeCall;

namespace OpenCcer.Server.Api;

/// <summary>
/// Trading under <c>/api/v1/exchange</c>: listing an instrument, listed agreements (post, take, cancel), bulk
/// agreements, one-way biddings, and the exchange operator's suspension, close and settlement. Every write
/// carries an operation id and is journaled before it is answered; order ids are the journal sequence.
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

    private static async Task<IResult> ListInstrument(HttpContext http, ExchangeEngine exchange, JsonSerializerOptions json)
    {
        var (body, problem) = await RequestReader.ReadAsync<ListInstrumentRequest>(http, json);
        if (problem is not null) return problem;
        var r = new Fields();
        var op = r.OperationId(body!.OperationId);
        var instrument = r.Instrument(body.ProjectCode, body.Vintage);
        var quantity = r.Quantity("quantity_tonnes", body.QuantityTonnes);
        if (body.InitialPriceFen is <= 0) r.Fail("initial_price_fen", "Must be at least 1 fen.");
        if (r.HasErrors) return r.Refusal().ToProblem();
        return await SubmitAsync(http, exchange, op, Hash(http, instrument, quantity, body.InitialPriceFen), AsParticipant(http, (c, me) =>
        {
            var listed = c.Venue.TryGetMarket(instrument, out _, out _);
            if (!listed && body.InitialPriceFen is null) return ExchangeStep.Refuse(VenueStatus.InitialPriceRequired);
            var account = c.Ledger.FindAccount(new AccountId(me.Value))!;
            var move = new TransferUnits(account.Pair, account.Id, instrument, quantity, TransferReason.ToTrading, null);
            return ExchangeStep.Run(new ListInstrument(instrument, me, new PricePerTonne(body.InitialPriceFen ?? 1)), move);
        }));
    }

    private static async Task<IResult> PostListing(HttpContext http, ExchangeEngine exchange, JsonSerializerOptions json, string projectCode, int vintage)
    {
        var (body, problem) = await RequestReader.ReadAsync<PostListingRequest>(http, json);
        if (problem is not null) return problem;
        var r = new Fields();
        var op = r.OperationId(body!.OperationId);
        var side = r.Enum<Side>("side", body.Side);
        var price = Price(r, "price_fen", body.PriceFen);
        var quantity = r.Quantity("quantity_tonnes", body.QuantityTonnes);
        if (r.HasErrors) return r.Refusal().ToProblem();
        var instrument = Of(projectCode, vintage);
        return await SubmitAsync(http, exchange, op, Hash(http, side, price.Fen, quantity), AsParticipant(http, (c, me) =>
            ExchangeStep.Run(new ToMarket(instrument, new PostListing(new OrderId(c.Sequence), me, side, price, new Tonnes(quantity),
                c.Position(me, instrument))))), opensOrder: true);
    }

    private static async Task<IResult> TakeListing(HttpContext http, ExchangeEngine exchange, JsonSerializerOptions json, string projectCode, int vintage, long id)
    {
        var (body, problem) = await RequestReader.ReadAsync<TakeListingRequest>(http, json);
        if (problem is not null) return problem;
        var r = new Fields();
        var op = r.OperationId(body!.OperationId);
        var quantity = r.Quantity("quantity_tonnes", body.QuantityTonnes);
        if (r.HasErrors) return r.Refusal().ToProblem();
        var instrument = Of(projectCode, vintage);
        return await SubmitAsync(http, exchange, op, Hash(http, quantity), AsParticipant(http, (c, me) =>
            ExchangeStep.Run(new ToMarket(instrument, new TakeListing(new OrderId(id), me, new Tonnes(quantity), c.Position(me, instrument))))));
    }

    private static async Task<IResult> TakeBest(HttpContext http, ExchangeEngine exchange, JsonSerializerOptions json, string projectCode, int vintage)
    {
        var (body, problem) = await RequestReader.ReadAsync<TakeBestRequest>(http, json);
        if (problem is not null) return problem;
        var r = new Fields();
        var op = r.OperationId(body!.OperationId);
        var side = r.Enum<Side>("side", body.Side);
        var quantity = r.Quantity("quantity_tonnes", body.QuantityTonnes);
        if (r.HasErrors) return r.Refusal().ToProblem();
        var instrument = Of(projectCode, vintage);
        return await SubmitAsync(http, exchange, op, Hash(http, side, quantity), AsParticipant(http, (c, me) =>
            ExchangeStep.Run(new ToMarket(instrument, new TakeBestListing(side, me, new Tonnes(quantity), c.Position(me, instrument))))));
    }

    private static Task<IResult> CancelListing(HttpContext http, ExchangeEngine exchange, JsonSerializerOptions json, string projectCode, int vintage, long id) =>
        Simple(http, exchange, json, (c, me) => ExchangeStep.Run(new ToMarket(Of(projectCode, vintage), new CancelListing(new OrderId(id), me))));

    private static async Task<IResult> ProposeBulk(HttpContext http, ExchangeEngine exchange, JsonSerializerOptions json, string projectCode, int vintage)
    {
        var (body, problem) = await RequestReader.ReadAsync<ProposeBulkRequest>(http, json);
        if (problem is not null) return problem;
        var r = new Fields();
        var op = r.OperationId(body!.OperationId);
        var counterparty = r.Required("counterparty_subject_id", body.CounterpartySubjectId);
        var side = r.Enum<Side>("side", body.Side);
        var price = Price(r, "price_fen", body.PriceFen);
        var quantity = r.Quantity("quantity_tonnes", body.QuantityTonnes);
        if (r.HasErrors) return r.Refusal().ToProblem();
        var instrument = Of(projectCode, vintage);
        return await SubmitAsync(http, exchange, op, Hash(http, counterparty, side, price.Fen, quantity), AsParticipant(http, (c, me) =>
            c.ParticipantOf(counterparty) is { } other
                ? ExchangeStep.Run(new ToMarket(instrument, new ProposeBulk(new OrderId(c.Sequence), me, other, side, price, new Tonnes(quantity),
                    c.Position(me, instrument))))
                : ExchangeStep.Refuse(VenueStatus.NoTradingAccount)), opensOrder: true);
    }

    private static Task<IResult> ConfirmBulk(HttpContext http, ExchangeEngine exchange, JsonSerializerOptions json, string projectCode, int vintage, long id) =>
        Simple(http, exchange, json, (c, me) => ExchangeStep.Run(new ToMarket(Of(projectCode, vintage),
            new ConfirmBulk(new OrderId(id), me, c.Position(me, Of(projectCode, vintage))))));

    private static Task<IResult> DeclineBulk(HttpContext http, ExchangeEngine exchange, JsonSerializerOptions json, string projectCode, int vintage, long id) =>
        Simple(http, exchange, json, (c, me) => ExchangeStep.Run(new ToMarket(Of(projectCode, vintage), new DeclineBulk(new OrderId(id), me))));

    private static async Task<IResult> AnnounceBidding(HttpContext http, ExchangeEngine exchange, JsonSerializerOptions json, string projectCode, int vintage)
    {
        var (body, problem) = await RequestReader.ReadAsync<AnnounceBiddingRequest>(http, json);
        if (problem is not null) return problem;
        var r = new Fields();
        var op = r.OperationId(body!.OperationId);
        var side = r.Enum<Side>("side", body.Side);
        var quantity = r.Quantity("quantity_tonnes", body.QuantityTonnes);
        var reserve = Price(r, "reserve_price_fen", body.ReservePriceFen);
        var start = r.Required("window_start", body.WindowStart);
        var end = r.Required("window_end", body.WindowEnd);
        BiddingPricing? pricing = body.Pricing is null ? null : r.Enum<BiddingPricing>("pricing", body.Pricing);
        if (r.HasErrors) return r.Refusal().ToProblem();
        var instrument = Of(projectCode, vintage);
        return await SubmitAsync(http, exchange, op, Hash(http, side, quantity, reserve.Fen, start, end, pricing), AsParticipant(http, (c, me) =>
            ExchangeStep.Run(new ToMarket(instrument, new AnnounceBidding(new OrderId(c.Sequence), me, side, new Tonnes(quantity), reserve, start, end,
                pricing, c.Position(me, instrument))))), opensOrder: true);
    }

    private static async Task<IResult> PlaceBid(HttpContext http, ExchangeEngine exchange, JsonSerializerOptions json, string projectCode, int vintage, long id)
    {
        var (body, problem) = await RequestReader.ReadAsync<PlaceBidRequest>(http, json);
        if (problem is not null) return problem;
        var r = new Fields();
        var op = r.OperationId(body!.OperationId);
        var price = Price(r, "price_fen", body.PriceFen);
        var quantity = r.Quantity("quantity_tonnes", body.QuantityTonnes);
        if (r.HasErrors) return r.Refusal().ToProblem();
        var instrument = Of(projectCode, vintage);
        return await SubmitAsync(http, exchange, op, Hash(http, price.Fen, quantity), AsParticipant(http, (c, me) =>
            ExchangeStep.Run(new ToMarket(instrument, new PlaceBid(new OrderId(c.Sequence), new OrderId(id), me, price, new Tonnes(quantity),
                c.Position(me, instrument))))), opensOrder: true);
    }

    private static async Task<IResult> OwnOrders(HttpContext http, ExchangeEngine exchange)
    {
        var me = await ParticipantAsync(exchange.Store, Caller.Of(http.User).SubjectId, http.RequestAborted);
        if (me is null) return ExchangeProblems.For(VenueStatus.NoTradingAccount);
        return TypedResults.Ok(exchange.Markets.SelectMany(m => m.Buys.Concat(m.Sells).Where(l => l.Participant.Value == me).Select(l => new
        {
            m.Info.Instrument.ProjectCode,
            m.Info.Instrument.Vintage,
            ListingId = l.Id.Value,
            Side = RequestReader.Snake(l.Side.ToString()),
            PriceFen = l.Price.Fen,
            OriginalTonnes = l.Original.Value,
            OpenTonnes = l.Open.Value,
        })));
    }

    private static Task<IResult> CloseBidding(HttpContext http, ExchangeEngine exchange, JsonSerializerOptions json, string projectCode, int vintage, long id) =>
        Operator(http, exchange, json, _ => ExchangeStep.Run(new ToMarket(Of(projectCode, vintage), new CloseBidding(new OrderId(id)))));

    private static async Task<IResult> Suspend(HttpContext http, ExchangeEngine exchange, JsonSerializerOptions json, string projectCode, int vintage)
    {
        var (body, problem) = await RequestReader.ReadAsync<SuspendRequest>(http, json);
        if (problem is not null) return problem;
        var r = new Fields();
        var op = r.OperationId(body!.OperationId);
        var reason = r.Text("reason", body.Reason, LedgerLimits.TextLengthMax);
        if (r.HasErrors) return r.Refusal().ToProblem();
        return await SubmitAsync(http, exchange, op, Hash(http, reason),
            _ => ExchangeStep.Run(new ToMarket(Of(projectCode, vintage), new SuspendInstrument(reason))));
    }

    private static Task<IResult> Resume(HttpContext http, ExchangeEngine exchange, JsonSerializerOptions json, string projectCode, int vintage) =>
        Operator(http, exchange, json, _ => ExchangeStep.Run(new ToMarket(Of(projectCode, vintage), new ResumeInstrument())));

    private static Task<IResult> CloseMarkets(HttpContext http, ExchangeEngine exchange, JsonSerializerOptions json) =>
        Operator(http, exchange, json, _ => ExchangeStep.Run(new CloseMarkets()));

    private static async Task<IResult> Settle(HttpContext http, ExchangeEngine exchange, JsonSerializerOptions json)
    {
        var (body, problem) = await RequestReader.ReadAsync<SettleTradesRequest>(http, json);
        if (problem is not null) return problem;
        var r = new Fields();
        var op = r.OperationId(body!.OperationId);
        var date = r.Date("date", body.Date);
        if (r.HasErrors) return r.Refusal().ToProblem();
        ExchangeOutcome outcome;
        try
        {
            outcome = await exchange.ExecuteAsync(op, Hash(http, date), _ => ExchangeStep.Run(new SettleTrades(date)), http.RequestAborted);
        }
        catch (Storage.StoreUnavailableException e)
        {
            return Unavailable(e);
        }
        return ExchangeProblems.Of(outcome, op) ?? TypedResults.Ok(new
        {
            OperationId = op,
            Sequence = outcome.Sequence!.Value,
            outcome.Replayed,
            Date = date,
            SettledTrades = outcome.Settled.Select(p => TradeView.Of(p.Trade)).ToArray(),
        });
    }

    private static async Task<IResult> Simple(HttpContext http, ExchangeEngine exchange, JsonSerializerOptions json,
        Func<ExchangeContext, ParticipantId, ExchangeStep> build)
    {
        var (body, problem) = await RequestReader.ReadAsync<OperationOnlyRequest>(http, json);
        if (problem is not null) return problem;
        var r = new Fields();
        var op = r.OperationId(body!.OperationId);
        if (r.HasErrors) return r.Refusal().ToProblem();
        return await SubmitAsync(http, exchange, op, Hash(http), AsParticipant(http, build));
    }

    private static async Task<IResult> Operator(HttpContext http, ExchangeEngine exchange, JsonSerializerOptions json, Func<ExchangeContext, ExchangeStep> build)
    {
        var (body, problem) = await RequestReader.ReadAsync<OperationOnlyRequest>(http, json);
        if (problem is not null) return problem;
        var r = new Fields();
        var op = r.OperationId(body!.OperationId);
        if (r.HasErrors) return r.Refusal().ToProblem();
        return await SubmitAsync(http, exchange, op, Hash(http), build);
    }

    /// <summary>A required price in fen, at least 1.</summary>
    private static PricePerTonne Price(Fields r, string field, long? fen)
    {
        if (fen is null) r.Fail(field, "Required: a price in fen per tonne (5000 = 50.00 CNY/t).");
        else if (fen <= 0) r.Fail(field, "Must be at least 1 fen.");
        return new PricePerTonne(fen ?? 0);
    }
}
