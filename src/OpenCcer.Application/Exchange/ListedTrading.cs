using OpenCcer.Core.Exchange;
using OpenCcer.Core.Primitives;
using OpenCcer.Core.Registry;
using OpenCcer.Storage.Exchange;
using static OpenCcer.Application.Exchange.ExchangeSubmission;

namespace OpenCcer.Application.Exchange;

/// <summary>
/// Listed agreements (挂牌): listing an instrument, posting, taking and cancelling listings. Only account
/// holders trade, each as the participant of its own subject found on the writer's live ledger.
/// </summary>
public sealed class ListedTrading(ExchangeEngine exchange)
{
    /// <summary>Moves units to the trading account; the first holder to do so lists the instrument at its initial price.</summary>
    public async Task<Outcome<ExchangeDone>> ListInstrumentAsync(Caller caller, ListInstrumentRequest request, CancellationToken ct = default)
    {
        var r = new Fields();
        var op = r.OperationId(request.OperationId);
        var (instrument, quantity) = r.Units(request.ProjectCode, request.Vintage, request.QuantityTonnes);
        var initial = request.InitialPriceFen;
        if (initial is <= 0) r.Fail("initial_price_fen", "Must be at least 1 fen.");
        var ask = new ExchangeRequest("list_instrument", caller.SubjectId, instrument, null, [quantity, initial]);
        return await TradeAsync(exchange, caller, r, op, ask, (c, me) =>
        {
            var listed = c.Venue.TryGetMarket(instrument, out _, out _);
            if (!listed && initial is null) return ExchangeStep.Refuse(VenueStatus.InitialPriceRequired);
            var account = c.Ledger.FindAccount(new AccountId(me.Value))!;
            var move = new TransferUnits(account.Pair, account.Id, instrument, quantity, TransferReason.ToTrading, null);
            return ExchangeStep.Run(new ListInstrument(instrument, me, new PricePerTonne(initial ?? 1)), move);
        }, opensOrder: false, ct);
    }

    /// <summary>Lists an instrument whose units are already in the caller's trading account.</summary>
    public async Task<Outcome<ExchangeDone>> ListHeldInstrumentAsync(Caller caller, ListHeldInstrumentRequest request, CancellationToken ct = default)
    {
        var r = new Fields();
        var op = r.OperationId(request.OperationId);
        var instrument = r.Instrument(request.ProjectCode, request.Vintage);
        var price = Price(r, "price_fen", request.InitialPriceFen);
        var ask = new ExchangeRequest("list_held_instrument", caller.SubjectId, instrument, null, [price.Fen]);
        return await TradeAsync(exchange, caller, r, op, ask, (_, me) => ExchangeStep.Run(new ListInstrument(instrument, me, price)),
            opensOrder: false, ct);
    }

    /// <summary>Posts a buy or sell listing; units, or funds with the fee, are reserved.</summary>
    public async Task<Outcome<ExchangeDone>> PostListingAsync(Caller caller, Instrument instrument, PostListingRequest request, CancellationToken ct = default)
    {
        var r = new Fields();
        var op = r.OperationId(request.OperationId);
        var side = r.Enum<Side>("side", request.Side);
        var price = Price(r, "price_fen", request.PriceFen);
        var quantity = r.Quantity("quantity_tonnes", request.QuantityTonnes);
        var ask = new ExchangeRequest("post_listing", caller.SubjectId, instrument, null, [side, price.Fen, quantity]);
        return await TradeAsync(exchange, caller, r, op, ask, (c, me) =>
            ExchangeStep.Run(new ToMarket(instrument, new PostListing(new OrderId(c.Sequence), me, side, price, new Tonnes(quantity),
                c.Position(me, instrument)))), opensOrder: true, ct);
    }

    /// <summary>Takes (摘牌) all or part of a listing at its price.</summary>
    public async Task<Outcome<ExchangeDone>> TakeListingAsync(Caller caller, Instrument instrument, long listing, TakeListingRequest request,
        CancellationToken ct = default)
    {
        var r = new Fields();
        var op = r.OperationId(request.OperationId);
        var quantity = r.Quantity("quantity_tonnes", request.QuantityTonnes);
        var ask = new ExchangeRequest("take_listing", caller.SubjectId, instrument, listing, [quantity]);
        return await TradeAsync(exchange, caller, r, op, ask, (c, me) =>
            ExchangeStep.Run(new ToMarket(instrument, new TakeListing(new OrderId(listing), me, new Tonnes(quantity), c.Position(me, instrument)))),
            opensOrder: false, ct);
    }

    /// <summary>Takes from the best listing of a side (best price, then earliest).</summary>
    public async Task<Outcome<ExchangeDone>> TakeBestAsync(Caller caller, Instrument instrument, TakeBestRequest request, CancellationToken ct = default)
    {
        var r = new Fields();
        var op = r.OperationId(request.OperationId);
        var side = r.Enum<Side>("side", request.Side);
        var quantity = r.Quantity("quantity_tonnes", request.QuantityTonnes);
        var ask = new ExchangeRequest("take_best", caller.SubjectId, instrument, null, [side, quantity]);
        return await TradeAsync(exchange, caller, r, op, ask, (c, me) =>
            ExchangeStep.Run(new ToMarket(instrument, new TakeBestListing(side, me, new Tonnes(quantity), c.Position(me, instrument)))),
            opensOrder: false, ct);
    }

    /// <summary>Cancels the open part of one's own listing; its reservation is released.</summary>
    public Task<Outcome<ExchangeDone>> CancelListingAsync(Caller caller, Instrument instrument, long listing, OperationOnlyRequest request,
        CancellationToken ct = default) =>
        TradeAsync(exchange, caller, request, new ExchangeRequest("cancel_listing", caller.SubjectId, instrument, listing),
            (_, me) => ExchangeStep.Run(new ToMarket(instrument, new CancelListing(new OrderId(listing), me))), ct);

    /// <summary>The caller's open listings on every market.</summary>
    public async Task<Outcome<IReadOnlyList<(Instrument Instrument, ListingView Listing)>>> OwnOrdersAsync(Caller caller, CancellationToken ct = default)
    {
        if (MayTrade(caller) is { } no) return no;
        var me = await Participants.OfSubjectAsync(exchange.Store, caller.SubjectId, ct);
        if (me is null) return Refusals.Of(VenueStatus.NoTradingAccount);
        return Outcome<IReadOnlyList<(Instrument, ListingView)>>.Ok(
            [.. exchange.Markets.SelectMany(m => m.Buys.Concat(m.Sells).Where(l => l.Participant.Value == me).Select(l => (m.Info.Instrument, l)))]);
    }
}
