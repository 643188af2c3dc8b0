using OpenCcer.Core.Primitives;
using OpenCcer.Core.Registry;

namespace OpenCcer.Core.Exchange;

/// <summary>
/// One one-way bidding (单向竞价, T 15). The initiator announces a quantity, a reserve price and a
/// window <c>[start, end)</c> inside one trading day; counterparties place sealed bids (buyers when the
/// initiator sells, sellers when it buys) during the window and in session. At the end the quantity is
/// allocated by price (highest first when the initiator sells, lowest first when it buys), then time
/// (lower id first); the marginal bid may be filled in part. Pricing is uniform (every accepted bid pays
/// the least favourable accepted price: the lowest accepted bid when selling) or pay-as-bid. Quantity not
/// allocated is reported and released.
/// </summary>
public sealed class OneWayBidding
{
    private readonly List<Bid> _bids = [];
    private readonly FeeSchedule _fees;
    private readonly BiddingRules _rules;

    private OneWayBidding(OrderId id, ParticipantId initiator, Side initiatorSide, Tonnes quantity, PricePerTonne reservePrice,
        DateTimeOffset windowStart, DateTimeOffset windowEnd, BiddingPricing pricing, FeeSchedule fees, BiddingRules rules)
    {
        Id = id;
        Initiator = initiator;
        InitiatorSide = initiatorSide;
        Quantity = quantity;
        ReservePrice = reservePrice;
        WindowStart = windowStart;
        WindowEnd = windowEnd;
        Pricing = pricing;
        _fees = fees;
        _rules = rules;
    }

    public OrderId Id { get; }

    public ParticipantId Initiator { get; }

    public Side InitiatorSide { get; }

    public Tonnes Quantity { get; }

    public PricePerTonne ReservePrice { get; }

    /// <summary>First instant bids are accepted (inclusive).</summary>
    public DateTimeOffset WindowStart { get; }

    /// <summary>First instant bids are refused and the bidding may be closed (exclusive end of the window).</summary>
    public DateTimeOffset WindowEnd { get; }

    public BiddingPricing Pricing { get; }

    /// <summary>Bids in id order; sealed: never published before the close.</summary>
    public IReadOnlyList<Bid> Bids => _bids;

    /// <summary>The initiator's reservation and the bids' reservations, by order id.</summary>
    public Reservations Reservations { get; } = new();

    /// <summary>
    /// Announces a bidding. Checks: continuous session, side, reserve price (positive, tick), quantity
    /// (positive, tick, at most the maximum), window (start before end, end after now, both on the trading
    /// date of <paramref name="at"/>, end no later than its close), then the initiator's units or funds
    /// (funds at the reserve price, the most the initiator can pay per tonne).
    /// </summary>
    public static ExchangeStatus Announce(OrderId id, ParticipantId initiator, Side initiatorSide, Tonnes quantity,
        PricePerTonne reservePrice, DateTimeOffset windowStart, DateTimeOffset windowEnd, BiddingPricing pricing,
        ParticipantPosition position, MarketClock clock, ListingRules ticks, BiddingRules rules, FeeSchedule fees,
        DateTimeOffset at, List<ExchangeEvent> events, out OneWayBidding? bidding)
    {
        bidding = null;
        var status = ListingChecks.Session(clock.StatusAt(at));
        if (status == ExchangeStatus.Ok && (!ListingChecks.SideValid(initiatorSide) || pricing is not (BiddingPricing.Uniform or BiddingPricing.PayAsBid)))
        {
            status = ExchangeStatus.SideInvalid;
        }

        if (status == ExchangeStatus.Ok)
        {
            status = !reservePrice.IsPositive ? ExchangeStatus.PriceNotPositive
                : reservePrice.Fen % ticks.PriceTickFen != 0 ? ExchangeStatus.PriceTickInvalid
                : ExchangeStatus.Ok;
        }

        if (status == ExchangeStatus.Ok && (!quantity.IsPositive || quantity.Value % ticks.QuantityTickTonnes != 0 || quantity.Value > rules.QuantityMaxTonnes))
        {
            status = ExchangeStatus.QuantityInvalid;
        }

        var date = ChinaClock.DateOf(at);
        if (status == ExchangeStatus.Ok &&
            (windowStart >= windowEnd || windowEnd <= at || ChinaClock.DateOf(windowStart) != date || windowEnd > clock.CloseOf(date)))
        {
            status = ExchangeStatus.BiddingWindowInvalid;
        }

        var fundsPerTonne = initiatorSide == Side.Buy ? fees.ReservedFundsPerTonne(reservePrice) : Money.Zero;
        if (status == ExchangeStatus.Ok)
        {
            status = ListingChecks.Cover(initiatorSide, quantity, fundsPerTonne, position);
        }

        if (status != ExchangeStatus.Ok)
        {
            return status;
        }

        bidding = new OneWayBidding(id, initiator, initiatorSide, quantity, reservePrice, windowStart, windowEnd, pricing, fees, rules);
        var reservation = bidding.Reservations.Add(id, initiator, initiatorSide, quantity, fundsPerTonne);
        events.Add(new BiddingAnnounced(at, id, initiator, initiatorSide, quantity, reservePrice, windowStart, windowEnd, pricing,
            reservation.Units, reservation.Funds));
        return ExchangeStatus.Ok;
    }

    /// <summary>
    /// Places a sealed bid. Checks: continuous session, inside the window, not the initiator
    /// (<see cref="ExchangeStatus.SelfTake"/>), price (positive, tick, not beyond the reserve price:
    /// at least it when the initiator sells, at most it when it buys), quantity (positive, tick, at most
    /// the announced quantity), bids per bidding, then the bidder's funds (at its own price) or units.
    /// </summary>
    public ExchangeStatus PlaceBid(OrderId id, ParticipantId bidder, PricePerTonne price, Tonnes quantity, ParticipantPosition position,
        MarketClock clock, ListingRules ticks, DateTimeOffset at, List<ExchangeEvent> events)
    {
        var status = ListingChecks.Session(clock.StatusAt(at));
        if (status == ExchangeStatus.Ok && (at < WindowStart || at >= WindowEnd))
        {
            status = ExchangeStatus.OutsideBiddingWindow;
        }

        if (status == ExchangeStatus.Ok && bidder == Initiator)
        {
            status = ExchangeStatus.SelfTake;
        }

        if (status == ExchangeStatus.Ok)
        {
            status = !price.IsPositive ? ExchangeStatus.PriceNotPositive
                : price.Fen % ticks.PriceTickFen != 0 ? ExchangeStatus.PriceTickInvalid
                : (InitiatorSide == Side.Sell ? price < ReservePrice : price > ReservePrice) ? ExchangeStatus.BidBeyondReservePrice
                : ExchangeStatus.Ok;
        }

        if (status == ExchangeStatus.Ok && (!quantity.IsPositive || quantity.Value % ticks.QuantityTickTonnes != 0 || quantity > Quantity))
        {
            status = ExchangeStatus.QuantityInvalid;
        }

        if (status == ExchangeStatus.Ok && _bids.Count >= _rules.BidsPerBiddingMax)
        {
            status = ExchangeStatus.TooManyBids;
        }

        var bidSide = InitiatorSide == Side.Sell ? Side.Buy : Side.Sell;
        var fundsPerTonne = bidSide == Side.Buy ? _fees.ReservedFundsPerTonne(price) : Money.Zero;
        if (status == ExchangeStatus.Ok)
        {
            status = ListingChecks.Cover(bidSide, quantity, fundsPerTonne, position);
        }

        if (status != ExchangeStatus.Ok)
        {
            return status;
        }

        _bids.Add(new Bid(id, bidder, price, quantity, at));
        var reservation = Reservations.Add(id, bidder, bidSide, quantity, fundsPerTonne);
        events.Add(new BidPlaced(at, Id, id, bidder, price, quantity, reservation.Units, reservation.Funds));
        return ExchangeStatus.Ok;
    }

    /// <summary>
    /// Allocates at or after the end of the window. Trades take ids from <paramref name="firstTradeId"/>
    /// upwards, one per bid that receives a quantity, in allocation order. Emits one
    /// <see cref="BidAllocated"/> per bid (allocation order, then outbid bids in id order) and a final
    /// <see cref="BiddingClosed"/>; every reservation of the bidding is consumed or released.
    /// </summary>
    public ExchangeStatus Close(Instrument instrument, TradeId firstTradeId, DateTimeOffset at, List<ExchangeEvent> events, List<Trade> trades)
    {
        if (at < WindowEnd)
        {
            return ExchangeStatus.BiddingNotEnded;
        }

        var ranked = InitiatorSide == Side.Sell
            ? _bids.OrderByDescending(b => b.Price.Fen).ThenBy(b => b.Id.Value).ToList()
            : _bids.OrderBy(b => b.Price.Fen).ThenBy(b => b.Id.Value).ToList();
        var left = Quantity;
        var fills = new List<(Bid Bid, Tonnes Quantity)>();
        foreach (var bid in ranked)
        {
            if (!left.IsPositive)
            {
                break;
            }

            var fill = bid.Quantity < left ? bid.Quantity : left;
            fills.Add((bid, fill));
            left -= fill;
        }

        PricePerTonne? clearing = Pricing == BiddingPricing.Uniform && fills.Count > 0 ? fills[^1].Bid.Price : null;
        var initiatorCost = Money.Zero;
        var tradeId = firstTradeId.Value;
        var filled = new HashSet<OrderId>();
        foreach (var (bid, fill) in fills)
        {
            var price = clearing ?? bid.Price;
            var turnover = price.Times(fill);
            var fee = _fees.TradingFee(turnover);
            var bidderBuys = InitiatorSide == Side.Sell;
            var trade = new Trade(new TradeId(tradeId++), instrument, bidderBuys ? bid.Bidder : Initiator, bidderBuys ? Initiator : bid.Bidder,
                price, fill, at, TradeMethod.OneWayBidding, fee, fee);
            trades.Add(trade);
            filled.Add(bid.Id);
            var consumed = Reservations.Consume(bid.Id, fill);
            var rest = Reservations.TryGet(bid.Id, out _) ? Reservations.Release(bid.Id) : default;
            var fundsReleased = (bidderBuys ? consumed - turnover - fee : Money.Zero) + rest.Funds;
            if (!bidderBuys)
            {
                initiatorCost += turnover + fee;
            }

            events.Add(new BidAllocated(at, Id, bid.Id, fill, rest.Units, fundsReleased, trade));
        }

        foreach (var bid in _bids.Where(b => !filled.Contains(b.Id)))
        {
            var reservation = Reservations.Release(bid.Id);
            events.Add(new BidAllocated(at, Id, bid.Id, Tonnes.Zero, reservation.Units, reservation.Funds, null));
        }

        var allocated = Quantity - left;
        var initiator = Reservations.Release(Id);
        var initiatorFunds = InitiatorSide == Side.Buy ? initiator.Funds - initiatorCost : Money.Zero;
        events.Add(new BiddingClosed(at, Id, clearing, allocated, left, InitiatorSide == Side.Sell ? left : Tonnes.Zero, initiatorFunds));
        return ExchangeStatus.Ok;
    }
}
