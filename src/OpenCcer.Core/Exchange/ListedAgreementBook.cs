using OpenCcer.Core.Primitives;
using OpenCcer.Core.Registry;

namespace OpenCcer.Core.Exchange;

/// <summary>
/// The fast listed-agreement book. Listings of a day all lie inside that day's band, so each side is an
/// array of price levels indexed by tick offset from the band's lower edge, each level a FIFO queue
/// (doubly linked through slot indexes, so a cancel is O(1)), with a bit set of non-empty levels to find
/// the next best level in a few word scans. Listings are structs in one array of slots reused through a
/// free list; listing ids and participant ids map to slots through flat open-addressing tables, and the
/// reservation of each listing is kept in its slot. Ids of the day's listings are recorded in posting
/// order (ascending, as ids are) with a bit per fully taken one, which answers "exhausted or never
/// open" without a set of every filled id.
/// <para>
/// The commands work in two layers: the <c>…Core</c> methods decide and change the book and report the
/// outcome in plain values, without allocating; the <see cref="IListedBook"/> methods wrap them and build
/// the events. The steady state allocates only those events.
/// </para>
/// </summary>
public sealed partial class ListedAgreementBook : IListedBook, IReservationSource
{
    private readonly ListingRules _rules;
    private readonly FeeSchedule _fees;
    private readonly MarketClock _clock;
    private readonly long _tick;
    private readonly LongIndexTable _index = new(256);
    private readonly LongIndexTable _participantSlots = new(64);

    private Order[] _orders = new Order[256];
    private int _ordersUsed;
    private int _free = None;
    private int _reservationCount;

    private Counts[] _counts = new Counts[64];
    private int _participants;

    // Ids posted since the day started, ascending, in chunks (growing never copies, and the chunks are
    // kept for the next day), and a bit per posting ordinal, set when that listing was fully taken.
    private const int PostedChunkBits = 14;
    private const int PostedChunkMask = (1 << PostedChunkBits) - 1;
    private readonly List<long[]> _postedChunks = [];
    private int _posted;
    private ulong[] _exhausted = new ulong[4];

    private BookSide _bids = null!;
    private BookSide _asks = null!;
    private long _lowFen;
    private long _lastId;

    // The session status of the last instant asked about: the clock answers the same for the same
    // instant (its calendar is immutable), and a market's commands mostly share a few instants.
    private long _sessionTicks;
    private SessionStatus _sessionStatus;
    private bool _sessionKnown;

    public ListedAgreementBook(Instrument instrument, PricePerTonne basePrice, MarketClock clock, ListingRules? rules = null, FeeSchedule? fees = null)
    {
        Instrument = instrument;
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _rules = rules ?? ListingRules.Default;
        _fees = fees ?? FeeSchedule.Default;
        _tick = _rules.PriceTickFen;
        Reservations = new Reservations(this);
        StartDay(basePrice);
    }

    public Instrument Instrument { get; }

    public PriceBand Band { get; private set; }

    public int OpenCount => _index.Count;

    public Reservations Reservations { get; }

    int IReservationSource.ReservationCount => _reservationCount;

    public void StartDay(PricePerTonne basePrice)
    {
        if (_index.Count != 0)
        {
            throw new InvalidOperationException("A trading day starts with an empty book.");
        }

        Band = PriceBand.Around(basePrice, _rules.PriceLimitBasisPoints);
        _lowFen = (Band.Lower.Fen + _tick - 1) / _tick * _tick;
        var highFen = Band.Upper.Fen / _tick * _tick;
        var levels = highFen >= _lowFen ? ((highFen - _lowFen) / _tick) + 1 : 0;
        if (levels > _rules.PriceLevelsMax)
        {
            throw new InvalidOperationException($"The band spans {levels} price levels, more than {_rules.PriceLevelsMax}.");
        }

        _bids = new BookSide((int)levels, isBid: true);
        _asks = new BookSide((int)levels, isBid: false);
        ForgetPosted();
    }

    public ExchangeStatus Post(OrderId id, ParticipantId participant, Side side, PricePerTonne price, Tonnes quantity,
        ParticipantPosition position, DateTimeOffset at, List<ExchangeEvent> events)
    {
        var status = PostCore(id.Value, participant.Value, side, price.Fen, quantity.Value, position, at, out var fundsPerTonne);
        if (status == ExchangeStatus.Ok)
        {
            var reservation = new Reservation(id, participant, side, quantity, new Money(fundsPerTonne));
            events.Add(new ListingPosted(at, id, participant, side, price, quantity, reservation.Units, reservation.Funds));
        }

        return status;
    }

    public ExchangeStatus Take(OrderId listing, ParticipantId taker, Tonnes quantity, ParticipantPosition position,
        TradeId tradeId, DateTimeOffset at, List<ExchangeEvent> events)
    {
        var status = TakeCore(listing.Value, taker.Value, quantity.Value, position, at, out var fill);
        if (status == ExchangeStatus.Ok)
        {
            AddTaken(fill, taker, tradeId, at, events);
        }

        return status;
    }

    public ExchangeStatus TakeBest(Side listingSide, ParticipantId taker, Tonnes quantity, ParticipantPosition position,
        TradeId tradeId, DateTimeOffset at, List<ExchangeEvent> events)
    {
        var status = TakeBestCore(listingSide, taker.Value, quantity.Value, position, at, out var fill);
        if (status == ExchangeStatus.Ok)
        {
            AddTaken(fill, taker, tradeId, at, events);
        }

        return status;
    }

    public ExchangeStatus Cancel(OrderId listing, ParticipantId participant, DateTimeOffset at, List<ExchangeEvent> events)
    {
        var status = CancelCore(listing.Value, participant.Value, out var open, out var reservation);
        if (status == ExchangeStatus.Ok)
        {
            events.Add(new ListingCancelled(at, listing, participant, new Tonnes(open), reservation.Units, reservation.Funds));
        }

        return status;
    }

    public int ExpireAll(DateTimeOffset at, List<ExchangeEvent> events)
    {
        var open = _index.Entries().OrderBy(e => e.Key).ToArray();
        foreach (var (id, slot) in open)
        {
            var order = _orders[slot];
            var reservation = Remove(slot);
            events.Add(new ListingExpired(at, new OrderId(id), new ParticipantId(order.Participant), new Tonnes(order.Open),
                reservation.Units, reservation.Funds));
        }

        ForgetPosted();
        return open.Length;
    }

    public int OpenListingsOf(ParticipantId participant, Side side) =>
        _participantSlots.TryGetValue(participant.Value, out var p) ? (side == Side.Buy ? _counts[p].Buy : _counts[p].Sell) : 0;

    public Tonnes OpenQuantityOf(ParticipantId participant, Side side) =>
        new(_participantSlots.TryGetValue(participant.Value, out var p) ? (side == Side.Buy ? _counts[p].BuyQuantity : _counts[p].SellQuantity) : 0);

    /// <summary>
    /// <see cref="Post"/> without the event: on <see cref="ExchangeStatus.Ok"/> the listing is open and
    /// <paramref name="fundsPerTonne"/> is what each tonne of it reserves (zero for a sell).
    /// </summary>
    internal ExchangeStatus PostCore(long id, long participant, Side side, long priceFen, long quantity,
        in ParticipantPosition position, DateTimeOffset at, out long fundsPerTonne)
    {
        fundsPerTonne = 0;
        var status = Session(at);
        if (status != ExchangeStatus.Ok)
        {
            return status;
        }

        if (id <= _lastId)
        {
            return ExchangeStatus.OrderIdNotAscending;
        }

        if (!ListingChecks.SideValid(side))
        {
            return ExchangeStatus.SideInvalid;
        }

        status = ListingChecks.Price(new PricePerTonne(priceFen), Band, _tick);
        if (status == ExchangeStatus.Ok)
        {
            status = ListingChecks.Quantity(new Tonnes(quantity), _rules);
        }

        if (status != ExchangeStatus.Ok)
        {
            return status;
        }

        // The price lies in the band, so the level lies in 0 .. levels - 1 and fits an int.
        var level = (int)(_tick == 1 ? priceFen - _lowFen : (priceFen - _lowFen) / _tick);
        var isBid = side == Side.Buy;
        if (isBid ? _asks.Best >= 0 && level >= _asks.Best : _bids.Best >= 0 && level <= _bids.Best)
        {
            return ExchangeStatus.CrossesOppositeListing;
        }

        var known = _participantSlots.TryGetValue(participant, out var p);
        if (known && _counts[p].Buy + _counts[p].Sell >= _rules.OpenListingsPerParticipantMax)
        {
            return ExchangeStatus.TooManyOpenListings;
        }

        var perTonne = isBid ? _fees.ReservedFundsPerTonne(new PricePerTonne(priceFen)) : Money.Zero;
        status = ListingChecks.Cover(side, new Tonnes(quantity), perTonne, position);
        if (status != ExchangeStatus.Ok)
        {
            return status;
        }

        _lastId = id;
        if (!known)
        {
            p = AddParticipant(participant);
        }

        var slot = AllocateSlot();
        _orders[slot] = new Order
        {
            Id = id,
            Participant = participant,
            Price = priceFen,
            Original = quantity,
            Open = quantity,
            Reserved = quantity,
            FundsPerTonne = perTonne.Fen,
            Level = level,
            Next = None,
            Prev = None,
            Ordinal = RecordPosted(id),
            Owner = p,
            Side = side,
        };
        (isBid ? _bids : _asks).Append(_orders, slot);
        _index.Add(id, slot);
        _counts[p].Add(side, quantity);
        _reservationCount++;
        fundsPerTonne = perTonne.Fen;
        return ExchangeStatus.Ok;
    }

    /// <summary><see cref="Take"/> without the event: on <see cref="ExchangeStatus.Ok"/>, <paramref name="fill"/> describes the trade.</summary>
    internal ExchangeStatus TakeCore(long listing, long taker, long quantity, in ParticipantPosition position, DateTimeOffset at, out ListingFill fill)
    {
        fill = default;
        var status = Session(at);
        if (status == ExchangeStatus.Ok)
        {
            status = ListingChecks.Quantity(new Tonnes(quantity), _rules);
        }

        if (status != ExchangeStatus.Ok)
        {
            return status;
        }

        return _index.TryGetValue(listing, out var slot)
            ? TakeSlot(slot, taker, quantity, position, out fill)
            : NotOpen(listing);
    }

    /// <summary><see cref="TakeBest"/> without the event.</summary>
    internal ExchangeStatus TakeBestCore(Side listingSide, long taker, long quantity, in ParticipantPosition position, DateTimeOffset at, out ListingFill fill)
    {
        fill = default;
        var status = Session(at);
        if (status == ExchangeStatus.Ok)
        {
            status = ListingChecks.Quantity(new Tonnes(quantity), _rules);
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
        return head == None ? ExchangeStatus.ListingNotFound : TakeSlot(head, taker, quantity, position, out fill);
    }

    /// <summary><see cref="Cancel"/> without the event: on <see cref="ExchangeStatus.Ok"/>, the open quantity cancelled and the reservation released.</summary>
    internal ExchangeStatus CancelCore(long listing, long participant, out long open, out Reservation released)
    {
        open = 0;
        released = default;
        if (!_index.TryGetValue(listing, out var slot))
        {
            return NotOpen(listing);
        }

        if (_orders[slot].Participant != participant)
        {
            return ExchangeStatus.NotOwner;
        }

        open = _orders[slot].Open;
        released = Remove(slot);
        return ExchangeStatus.Ok;
    }

    private ExchangeStatus TakeSlot(int slot, long taker, long quantity, in ParticipantPosition position, out ListingFill fill)
    {
        fill = default;
        ref var order = ref _orders[slot];
        if (order.Participant == taker)
        {
            return ExchangeStatus.SelfTake;
        }

        var filled = Math.Min(quantity, order.Open);
        var turnover = new PricePerTonne(order.Price).Times(new Tonnes(filled));
        var fee = _fees.TradingFee(turnover);
        var takerBuys = order.Side == Side.Sell;
        if (takerBuys ? turnover + fee > position.AvailableFunds : filled > position.AvailableUnits.Value)
        {
            return takerBuys ? ExchangeStatus.InsufficientFunds : ExchangeStatus.InsufficientUnits;
        }

        var consumed = ConsumeReservation(ref order, filled);
        var released = takerBuys ? Money.Zero : new Money(consumed) - turnover - fee;
        var id = order.Id;
        var maker = order.Participant;
        var side = order.Side;
        var price = order.Price;
        (takerBuys ? _asks : _bids).Reduce(_orders, slot, filled);
        var remaining = order.Open;
        _counts[order.Owner].Remove(side, filled, closes: remaining == 0);
        if (remaining == 0)
        {
            _index.Remove(id);
            _exhausted[order.Ordinal >> 6] |= 1UL << (order.Ordinal & 63);
            FreeSlot(slot);
        }

        fill = new ListingFill(id, maker, side, price, filled, remaining, fee.Fen, released.Fen);
        return ExchangeStatus.Ok;
    }

    private void AddTaken(in ListingFill fill, ParticipantId taker, TradeId tradeId, DateTimeOffset at, List<ExchangeEvent> events)
    {
        var takerBuys = fill.ListingSide == Side.Sell;
        var maker = new ParticipantId(fill.Maker);
        var fee = new Money(fill.Fee);
        var trade = new Trade(tradeId, Instrument, takerBuys ? taker : maker, takerBuys ? maker : taker, new PricePerTonne(fill.Price),
            new Tonnes(fill.Quantity), at, TradeMethod.ListedAgreement, fee, fee);
        events.Add(new ListingTaken(at, new OrderId(fill.Listing), taker, new Tonnes(fill.Remaining), new Money(fill.FundsReleased), trade));
    }

    private ExchangeStatus Session(DateTimeOffset at)
    {
        var ticks = at.UtcTicks;
        if (!_sessionKnown || ticks != _sessionTicks)
        {
            _sessionStatus = _clock.StatusAt(at);
            _sessionTicks = ticks;
            _sessionKnown = true;
        }

        return ListingChecks.Session(_sessionStatus);
    }

    /// <summary>Why a listing id has no open listing: fully taken earlier today, or never open (unknown, cancelled).</summary>
    private ExchangeStatus NotOpen(long listing)
    {
        var ordinal = PostedOrdinal(listing);
        return ordinal >= 0 && (_exhausted[ordinal >> 6] & (1UL << (ordinal & 63))) != 0
            ? ExchangeStatus.ListingExhausted
            : ExchangeStatus.ListingNotFound;
    }

    private int RecordPosted(long id)
    {
        var chunk = _posted >> PostedChunkBits;
        if (chunk == _postedChunks.Count)
        {
            _postedChunks.Add(new long[PostedChunkMask + 1]);
        }

        if ((_posted >> 6) == _exhausted.Length)
        {
            Array.Resize(ref _exhausted, _exhausted.Length * 2);
        }

        _postedChunks[chunk][_posted & PostedChunkMask] = id;
        return _posted++;
    }

    /// <summary>The posting ordinal of a listing id posted today, or -1: a binary search over the chunks' first ids, then within one chunk.</summary>
    private int PostedOrdinal(long id)
    {
        if (_posted == 0)
        {
            return -1;
        }

        var low = 0;
        var high = (_posted - 1) >> PostedChunkBits;
        while (low < high)
        {
            var middle = (low + high + 1) >> 1;
            if (_postedChunks[middle][0] <= id)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        var length = low == (_posted - 1) >> PostedChunkBits ? ((_posted - 1) & PostedChunkMask) + 1 : PostedChunkMask + 1;
        var within = Array.BinarySearch(_postedChunks[low], 0, length, id);
        return within < 0 ? -1 : (low << PostedChunkBits) + within;
    }

    private void ForgetPosted()
    {
        Array.Clear(_exhausted, 0, (_posted + 63) >> 6);
        _posted = 0;
    }

    private int AddParticipant(long participant)
    {
        if (_participants == _counts.Length)
        {
            Array.Resize(ref _counts, _counts.Length * 2);
        }

        _participantSlots.Add(participant, _participants);
        return _participants++;
    }

    private int AllocateSlot()
    {
        if (_free != None)
        {
            var slot = _free;
            _free = _orders[slot].Next;
            return slot;
        }

        if (_ordersUsed == _orders.Length)
        {
            Array.Resize(ref _orders, _orders.Length * 2);
        }

        return _ordersUsed++;
    }

    private void FreeSlot(int slot)
    {
        _orders[slot] = new Order { Next = _free, Prev = None, Level = None };
        _free = slot;
    }

    /// <summary>Consumes part of a listing's reservation for a fill; returns the funds that part held (zero for a sell).</summary>
    private long ConsumeReservation(ref Order order, long quantity)
    {
        if (quantity <= 0 || quantity > order.Reserved)
        {
            throw new InvalidOperationException($"Reservation of order {order.Id} cannot give {quantity} t.");
        }

        order.Reserved -= quantity;
        if (order.Reserved == 0)
        {
            _reservationCount--;
        }

        return order.Side == Side.Buy ? checked(order.FundsPerTonne * quantity) : 0;
    }

    /// <summary>Closes an open listing (cancel, expiry) and releases what is left of its reservation.</summary>
    private Reservation Remove(int slot)
    {
        ref var order = ref _orders[slot];
        var open = order.Open;
        var reservation = ReservationOf(order);
        if (order.Reserved != 0)
        {
            order.Reserved = 0;
            _reservationCount--;
        }

        var id = order.Id;
        var side = order.Side;
        (side == Side.Buy ? _bids : _asks).Reduce(_orders, slot, open);
        _counts[order.Owner].Remove(side, open, closes: true);
        _index.Remove(id);
        FreeSlot(slot);
        return reservation;
    }

    private static Reservation ReservationOf(in Order order) =>
        new(new OrderId(order.Id), new ParticipantId(order.Participant), order.Side, new Tonnes(order.Reserved), new Money(order.FundsPerTonne));

    bool IReservationSource.TryGetReservation(OrderId order, out Reservation reservation)
    {
        if (_index.TryGetValue(order.Value, out var slot) && _orders[slot].Reserved > 0)
        {
            reservation = ReservationOf(_orders[slot]);
            return true;
        }

        reservation = default;
        return false;
    }

    IEnumerable<Reservation> IReservationSource.AllReservations()
    {
        foreach (var (_, slot) in _index.Entries())
        {
            if (_orders[slot].Reserved > 0)
            {
                yield return ReservationOf(_orders[slot]);
            }
        }
    }
}

/// <summary>
/// What one take did, in plain values: the listing, its owner and side, the price, the quantity filled,
/// what stays open, the fee each side pays and the funds released from a buy listing's reservation.
/// </summary>
internal readonly record struct ListingFill(long Listing, long Maker, Side ListingSide, long Price, long Quantity, long Remaining, long Fee, long FundsReleased);
