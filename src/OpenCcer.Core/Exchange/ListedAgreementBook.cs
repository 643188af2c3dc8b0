using OpenCcer.Core.Primitives;
using OpenCcer.Core.Registry;

namespace OpenCcer.Core.Exchange;

/// <summary>
/// The fast listed-agreement book. Listings of a day all lie inside that day's band, so each side is an
/// array of price levels indexed by tick offset from the band's lower edge, each level a FIFO queue
/// (intrusive doubly linked list, so a cancel is O(1)), with a bit set of non-empty levels to find the
/// next best level in a few word scans, and a dictionary from listing id to node. Nodes are pooled:
/// the steady state allocates only the events it returns.
/// </summary>
public sealed partial class ListedAgreementBook : IListedBook
{
    private readonly ListingRules _rules;
    private readonly FeeSchedule _fees;
    private readonly MarketClock _clock;
    private readonly Dictionary<long, Node> _index = [];
    private readonly Dictionary<long, Counts> _participants = [];
    private readonly HashSet<long> _filledToday = [];
    private readonly Stack<Node> _pool = new();

    private BookSide _bids = null!;
    private BookSide _asks = null!;
    private long _lowFen;
    private long _lastId;

    public ListedAgreementBook(Instrument instrument, PricePerTonne basePrice, MarketClock clock, ListingRules? rules = null, FeeSchedule? fees = null)
    {
        Instrument = instrument;
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _rules = rules ?? ListingRules.Default;
        _fees = fees ?? FeeSchedule.Default;
        StartDay(basePrice);
    }

    public Instrument Instrument { get; }

    public PriceBand Band { get; private set; }

    public int OpenCount => _index.Count;

    public Reservations Reservations { get; } = new();

    public void StartDay(PricePerTonne basePrice)
    {
        if (_index.Count != 0)
        {
            throw new InvalidOperationException("A trading day starts with an empty book.");
        }

        Band = PriceBand.Around(basePrice, _rules.PriceLimitBasisPoints);
        var tick = _rules.PriceTickFen;
        _lowFen = (Band.Lower.Fen + tick - 1) / tick * tick;
        var highFen = Band.Upper.Fen / tick * tick;
        var levels = highFen >= _lowFen ? ((highFen - _lowFen) / tick) + 1 : 0;
        if (levels > _rules.PriceLevelsMax)
        {
            throw new InvalidOperationException($"The band spans {levels} price levels, more than {_rules.PriceLevelsMax}.");
        }

        _bids = new BookSide((int)levels);
        _asks = new BookSide((int)levels);
        _filledToday.Clear();
    }

    public ExchangeStatus Post(OrderId id, ParticipantId participant, Side side, PricePerTonne price, Tonnes quantity,
        ParticipantPosition position, DateTimeOffset at, List<ExchangeEvent> events)
    {
        var status = ListingChecks.Session(_clock.StatusAt(at));
        if (status != ExchangeStatus.Ok)
        {
            return status;
        }

        if (id.Value <= _lastId)
        {
            return ExchangeStatus.OrderIdNotAscending;
        }

        if (!ListingChecks.SideValid(side))
        {
            return ExchangeStatus.SideInvalid;
        }

        status = ListingChecks.Price(price, Band, _rules.PriceTickFen);
        if (status == ExchangeStatus.Ok)
        {
            status = ListingChecks.Quantity(quantity, _rules);
        }

        if (status != ExchangeStatus.Ok)
        {
            return status;
        }

        var level = (int)((price.Fen - _lowFen) / _rules.PriceTickFen);
        if (side == Side.Buy ? _asks.Best >= 0 && level >= _asks.Best : _bids.Best >= 0 && level <= _bids.Best)
        {
            return ExchangeStatus.CrossesOppositeListing;
        }

        _participants.TryGetValue(participant.Value, out var counts);
        if (counts is not null && counts.Buy + counts.Sell >= _rules.OpenListingsPerParticipantMax)
        {
            return ExchangeStatus.TooManyOpenListings;
        }

        var fundsPerTonne = side == Side.Buy ? _fees.ReservedFundsPerTonne(price) : Money.Zero;
        status = ListingChecks.Cover(side, quantity, fundsPerTonne, position);
        if (status != ExchangeStatus.Ok)
        {
            return status;
        }

        _lastId = id.Value;
        var node = _pool.Count > 0 ? _pool.Pop() : new Node();
        node.Set(id.Value, participant.Value, side, price.Fen, quantity.Value, level);
        (side == Side.Buy ? _bids : _asks).Append(node, isBid: side == Side.Buy);
        _index.Add(id.Value, node);
        if (counts is null)
        {
            counts = new Counts();
            _participants.Add(participant.Value, counts);
        }

        counts.Add(side, quantity.Value);
        var reservation = Reservations.Add(id, participant, side, quantity, fundsPerTonne);
        events.Add(new ListingPosted(at, id, participant, side, price, quantity, reservation.Units, reservation.Funds));
        return ExchangeStatus.Ok;
    }

    public ExchangeStatus Take(OrderId listing, ParticipantId taker, Tonnes quantity, ParticipantPosition position,
        TradeId tradeId, DateTimeOffset at, List<ExchangeEvent> events)
    {
        var status = ListingChecks.Session(_clock.StatusAt(at));
        if (status == ExchangeStatus.Ok)
        {
            status = ListingChecks.Quantity(quantity, _rules);
        }

        if (status != ExchangeStatus.Ok)
        {
            return status;
        }

        if (!_index.TryGetValue(listing.Value, out var node))
        {
            return _filledToday.Contains(listing.Value) ? ExchangeStatus.ListingExhausted : ExchangeStatus.ListingNotFound;
        }

        if (node.Participant == taker.Value)
        {
            return ExchangeStatus.SelfTake;
        }

        var fill = new Tonnes(Math.Min(quantity.Value, node.Open));
        var price = new PricePerTonne(node.Price);
        var turnover = price.Times(fill);
        var fee = _fees.TradingFee(turnover);
        var takerBuys = node.Side == Side.Sell;
        if (takerBuys ? turnover + fee > position.AvailableFunds : fill > position.AvailableUnits)
        {
            return takerBuys ? ExchangeStatus.InsufficientFunds : ExchangeStatus.InsufficientUnits;
        }

        var consumed = Reservations.Consume(listing, fill);
        var released = takerBuys ? Money.Zero : consumed - turnover - fee;
        var maker = new ParticipantId(node.Participant);
        var side = takerBuys ? _asks : _bids;
        side.Reduce(node, fill.Value, isBid: !takerBuys);
        _participants[node.Participant].Remove(node.Side, fill.Value, closes: node.Open == 0);
        if (node.Open == 0)
        {
            _index.Remove(node.Id);
            _filledToday.Add(node.Id);
            _pool.Push(node);
        }

        var trade = new Trade(tradeId, Instrument, takerBuys ? taker : maker, takerBuys ? maker : taker, price, fill, at,
            TradeMethod.ListedAgreement, fee, fee);
        events.Add(new ListingTaken(at, listing, taker, new Tonnes(node.Open), released, trade));
        return ExchangeStatus.Ok;
    }

    public ExchangeStatus TakeBest(Side listingSide, ParticipantId taker, Tonnes quantity, ParticipantPosition position,
        TradeId tradeId, DateTimeOffset at, List<ExchangeEvent> events)
    {
        var status = ListingChecks.Session(_clock.StatusAt(at));
        if (status == ExchangeStatus.Ok)
        {
            status = ListingChecks.Quantity(quantity, _rules);
        }

        if (status == ExchangeStatus.Ok && !ListingChecks.SideValid(listingSide))
        {
            status = ExchangeStatus.SideInvalid;
        }

        if (status != ExchangeStatus.Ok)
        {
            return status;
        }

        var head = (listingSide == Side.Buy ? _bids : _asks).BestHead;
        return head is null
            ? ExchangeStatus.ListingNotFound
            : Take(new OrderId(head.Id), taker, quantity, position, tradeId, at, events);
    }

    public ExchangeStatus Cancel(OrderId listing, ParticipantId participant, DateTimeOffset at, List<ExchangeEvent> events)
    {
        if (!_index.TryGetValue(listing.Value, out var node))
        {
            return _filledToday.Contains(listing.Value) ? ExchangeStatus.ListingExhausted : ExchangeStatus.ListingNotFound;
        }

        if (node.Participant != participant.Value)
        {
            return ExchangeStatus.NotOwner;
        }

        var open = node.Open;
        var reservation = Remove(node);
        events.Add(new ListingCancelled(at, listing, participant, new Tonnes(open), reservation.Units, reservation.Funds));
        return ExchangeStatus.Ok;
    }

    public int ExpireAll(DateTimeOffset at, List<ExchangeEvent> events)
    {
        var nodes = _index.Values.OrderBy(n => n.Id).ToArray();
        foreach (var node in nodes)
        {
            var open = node.Open;
            var participant = new ParticipantId(node.Participant);
            var id = new OrderId(node.Id);
            var reservation = Remove(node);
            events.Add(new ListingExpired(at, id, participant, new Tonnes(open), reservation.Units, reservation.Funds));
        }

        _filledToday.Clear();
        return nodes.Length;
    }

    public int OpenListingsOf(ParticipantId participant, Side side) =>
        _participants.TryGetValue(participant.Value, out var counts) ? (side == Side.Buy ? counts.Buy : counts.Sell) : 0;

    public Tonnes OpenQuantityOf(ParticipantId participant, Side side) =>
        new(_participants.TryGetValue(participant.Value, out var counts) ? (side == Side.Buy ? counts.BuyQuantity : counts.SellQuantity) : 0);

    private Reservation Remove(Node node)
    {
        var open = node.Open;
        (node.Side == Side.Buy ? _bids : _asks).Reduce(node, open, isBid: node.Side == Side.Buy);
        _participants[node.Participant].Remove(node.Side, open, closes: true);
        _index.Remove(node.Id);
        var reservation = Reservations.Release(new OrderId(node.Id));
        _pool.Push(node);
        return reservation;
    }
}
