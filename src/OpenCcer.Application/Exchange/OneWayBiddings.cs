using OpenCcer.Core.Exchange;
using OpenCcer.Core.Primitives;
using OpenCcer.Core.Registry;
using OpenCcer.Storage.Exchange;
using static OpenCcer.Application.Exchange.ExchangeSubmission;

namespace OpenCcer.Application.Exchange;

/// <summary>
/// One-way biddings (单向竞价): an account holder announces quantity, reserve price and window; others place
/// sealed bids; the exchange operator closes the bidding after its window and allocates it.
/// </summary>
public sealed class OneWayBiddings(ExchangeEngine exchange)
{
    public async Task<Outcome<ExchangeDone>> AnnounceAsync(Caller caller, Instrument instrument, AnnounceBiddingRequest request, CancellationToken ct = default)
    {
        var r = new Fields();
        var op = r.OperationId(request.OperationId);
        var side = r.Enum<Side>("side", request.Side);
        var quantity = r.Quantity("quantity_tonnes", request.QuantityTonnes);
        var reserve = Price(r, "reserve_price_fen", request.ReservePriceFen);
        var start = r.Required("window_start", request.WindowStart);
        var end = r.Required("window_end", request.WindowEnd);
        BiddingPricing? pricing = request.Pricing is null ? null : r.Enum<BiddingPricing>("pricing", request.Pricing);
        var ask = new ExchangeRequest("announce_bidding", caller.SubjectId, instrument, null, [side, quantity, reserve.Fen, start, end, pricing]);
        return await TradeAsync(exchange, caller, r, op, ask, (c, me) =>
            ExchangeStep.Run(new ToMarket(instrument, new AnnounceBidding(new OrderId(c.Sequence), me, side, new Tonnes(quantity), reserve, start, end,
                pricing, c.Position(me, instrument)))), opensOrder: true, ct);
    }

    /// <summary>Places a sealed bid in another participant's open bidding; its side is reserved until the bidding closes.</summary>
    public async Task<Outcome<ExchangeDone>> BidAsync(Caller caller, Instrument instrument, long bidding, PlaceBidRequest request, CancellationToken ct = default)
    {
        var r = new Fields();
        var op = r.OperationId(request.OperationId);
        var price = Price(r, "price_fen", request.PriceFen);
        var quantity = r.Quantity("quantity_tonnes", request.QuantityTonnes);
        var ask = new ExchangeRequest("place_bid", caller.SubjectId, instrument, bidding, [price.Fen, quantity]);
        return await TradeAsync(exchange, caller, r, op, ask, (c, me) =>
            ExchangeStep.Run(new ToMarket(instrument, new PlaceBid(new OrderId(c.Sequence), new OrderId(bidding), me, price, new Tonnes(quantity),
                c.Position(me, instrument)))), opensOrder: true, ct);
    }

    /// <summary>Closes a bidding whose window has ended and allocates it (exchange operator).</summary>
    public Task<Outcome<ExchangeDone>> CloseAsync(Caller caller, Instrument instrument, long bidding, OperationOnlyRequest request,
        CancellationToken ct = default) =>
        OperateAsync(exchange, caller, request, new ExchangeRequest("close_bidding", caller.SubjectId, instrument, bidding),
            _ => ExchangeStep.Run(new ToMarket(instrument, new CloseBidding(new OrderId(bidding)))), ct);
}
