using OpenCcer.Core.Primitives;
using OpenCcer.Core.Registry;

namespace OpenCcer.Core.Exchange;

/// <summary>
/// The reference listed-agreement book: one list of listings and LINQ, written to be obviously right
/// rather than fast. Tests and the benchmark replay the same commands through it and through
/// <see cref="ListedAgreementBook"/> and require identical statuses, events and boards.
/// </summary>
public sealed class NaiveListedBook : IListedBook
{
    private readonly ListingRules _rules;
    private readonly FeeSchedule _fees;
    private readonly MarketClock _clock;
    private readonly List<Entry> _open = [];
    private readonly HashSet<long> _filledToday = [];
    private long _lastId;

    public NaiveListedBook(Instrument instrument, PricePerTonne basePrice, MarketClock clock, ListingRules? rules = null, FeeSchedule? fees = null)
    {
        Instrument = instrument;
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _rules = rules ?? ListingRules.Default;
        _fees = fees ?? FeeSchedule.Default;
        StartDay(basePrice);
    }

    public Instrument Instrument { get; }

    public PriceBand Band { get; private set; }

    public int OpenCount => _open.Count;

    public Reservations Reservations { get; } = new();

    public void StartDay(PricePerTonne basePrice)
    {
        if (_open.Count != 0)
        {
            throw new InvalidOperationException("A trading day starts with an empty book.");
        }

        Band = PriceBand.Around(basePrice, _rules.PriceLimitBasisPoints);
        _filledToday.Clear();
    }

    public ExchangeStatus Post(OrderId id, ParticipantId participant, Side side, PricePerTonne price, Tonnes quantity,
        ParticipantPosition position, DateTimeOffset at, List<ExchangeEvent> events)
    {
        var fundsPerTonne = side == Side.Buy ? _fees.ReservedFundsPerTonne(price) : Money.Zero;
        var status = FirstRefusal(
            () => ListingChecks.Session(_clock.StatusAt(at)),
            () => id.Value <= _lastId ? ExchangeStatus.OrderIdNotAscending : ExchangeStatus.Ok,
            () => ListingChecks.SideValid(side) ? ExchangeStatus.Ok : ExchangeStatus.SideInvalid,
            () => ListingChecks.Price(price, Band, _rules.PriceTickFen),
            () => ListingChecks.Quantity(quantity, _rules),
            () => Crosses(side, price) ? ExchangeStatus.CrossesOppositeListing : ExchangeStatus.Ok,
            () => _open.Count(l => l.Participant == participant) >= _rules.OpenListingsPerParticipantMax
                ? ExchangeStatus.TooManyOpenListings
                : ExchangeStatus.Ok,
            () => ListingChecks.Cover(side, quantity, fundsPerTonne, position));
        if (status != ExchangeStatus.Ok)
        {
            return status;
        }

        _lastId = id.Value;
        _open.Add(new Entry(id, participant, side, price, quantity) { Open = quantity });
        var reservation = Reservations.Add(id, participant, side, quantity, fundsPerTonne);
        events.Add(new ListingPosted(at, id, participant, side, price, quantity, reservation.Units, reservation.Funds));
        return ExchangeStatus.Ok;
    }

    public ExchangeStatus Take(OrderId listing, ParticipantId taker, Tonnes quantity, ParticipantPosition position,
        TradeId tradeId, DateTimeOffset at, List<ExchangeEvent> events)
    {
        var status = TakeRefusal(at, quantity, () => NotOpen(listing));
        if (status != ExchangeStatus.Ok)
        {
            return status;
        }

        var entry = _open.Single(l => l.Id == listing);
        if (entry.Participant == taker)
        {
            return ExchangeStatus.SelfTake;
        }

        var fill = quantity < entry.Open ? quantity : entry.Open;
        var turnover = entry.Price.Times(fill);
        var fee = _fees.TradingFee(turnover);
        var takerBuys = entry.Side == Side.Sell;
        if (takerBuys && turnover + fee > position.AvailableFunds)
        {
            return ExchangeStatus.InsufficientFunds;
        }

        if (!takerBuys && fill > position.AvailableUnits)
        {
            return ExchangeStatus.InsufficientUnits;
        }

        var consumed = Reservations.Consume(listing, fill);
        entry.Open -= fill;
        if (!entry.Open.IsPositive)
        {
            _open.Remove(entry);
            _filledToday.Add(listing.Value);
        }

        var trade = new Trade(tradeId, Instrument, takerBuys ? taker : entry.Participant, takerBuys ? entry.Participant : taker,
            entry.Price, fill, at, TradeMethod.ListedAgreement, fee, fee);
        events.Add(new ListingTaken(at, listing, taker, entry.Open, takerBuys ? Money.Zero : consumed - turnover - fee, trade));
        return ExchangeStatus.Ok;
    }

    public ExchangeStatus TakeBest(Side listingSide, ParticipantId taker, Tonnes quantity, ParticipantPosition position,
        TradeId tradeId, DateTimeOffset at, List<ExchangeEvent> events)
    {
        var status = TakeRefusal(at, quantity, () => ListingChecks.SideValid(listingSide) ? ExchangeStatus.Ok : ExchangeStatus.SideInvalid);
        return status != ExchangeStatus.Ok ? status
            : TryGetBest(listingSide, out var best) ? Take(best.Id, taker, quantity, position, tradeId, at, events)
            : ExchangeStatus.ListingNotFound;
    }

    public ExchangeStatus Cancel(OrderId listing, ParticipantId participant, DateTimeOffset at, List<ExchangeEvent> events)
    {
        var status = NotOpen(listing);
        if (status != ExchangeStatus.Ok)
        {
            return status;
        }

        var entry = _open.Single(l => l.Id == listing);
        if (entry.Participant != participant)
        {
            return ExchangeStatus.NotOwner;
        }

        _open.Remove(entry);
        var reservation = Reservations.Release(listing);
        events.Add(new ListingCancelled(at, listing, participant, entry.Open, reservation.Units, reservation.Funds));
        return ExchangeStatus.Ok;
    }

    public int ExpireAll(DateTimeOffset at, List<ExchangeEvent> events)
    {
        var expired = _open.OrderBy(l => l.Id.Value).ToList();
        foreach (var entry in expired)
        {
            var reservation = Reservations.Release(entry.Id);
            events.Add(new ListingExpired(at, entry.Id, entry.Participant, entry.Open, reservation.Units, reservation.Funds));
        }

        _open.Clear();
        _filledToday.Clear();
        return expired.Count;
    }

    public bool TryGet(OrderId listing, out ListingView view)
    {
        var entry = _open.SingleOrDefault(l => l.Id == listing);
        view = entry?.View ?? default;
        return entry is not null;
    }

    public bool TryGetBest(Side side, out ListingView view)
    {
        var best = Listings(side);
        view = best.Count > 0 ? best[0] : default;
        return best.Count > 0;
    }

    public IReadOnlyList<ListingView> Listings(Side side)
    {
        var ofSide = _open.Where(l => l.Side == side);
        var byPrice = side == Side.Buy ? ofSide.OrderByDescending(l => l.Price.Fen) : ofSide.OrderBy(l => l.Price.Fen);
        return byPrice.ThenBy(l => l.Id.Value).Select(l => l.View).ToList();
    }

    public MarketDepth Depth(int levels) => new(Levels(Side.Buy, levels), Levels(Side.Sell, levels));

    public int OpenListingsOf(ParticipantId participant, Side side) => _open.Count(l => l.Participant == participant && l.Side == side);

    public Tonnes OpenQuantityOf(ParticipantId participant, Side side) =>
        new(_open.Where(l => l.Participant == participant && l.Side == side).Sum(l => l.Open.Value));

    public IReadOnlyList<string> CheckInvariants()
    {
        var problems = new List<string>();
        var bid = _open.Where(l => l.Side == Side.Buy).Select(l => (long?)l.Price.Fen).Max();
        var ask = _open.Where(l => l.Side == Side.Sell).Select(l => (long?)l.Price.Fen).Min();
        if (bid >= ask)
        {
            problems.Add($"crossed book: best bid {bid} >= best ask {ask}");
        }

        problems.AddRange(_open
            .Where(l => !Reservations.TryGet(l.Id, out var r) || r.Quantity != l.Open)
            .Select(l => $"listing {l.Id}: reservation differs from open quantity {l.Open}"));
        if (Reservations.Count != _open.Count)
        {
            problems.Add($"{_open.Count} open listings, {Reservations.Count} reservations");
        }

        return problems;
    }

    private static ExchangeStatus FirstRefusal(params Func<ExchangeStatus>[] checks) =>
        checks.Select(check => check()).FirstOrDefault(status => status != ExchangeStatus.Ok);

    // Both takes refuse outside the session and for a bad quantity first, then for what names the listing.
    private ExchangeStatus TakeRefusal(DateTimeOffset at, Tonnes quantity, Func<ExchangeStatus> listingCheck) =>
        FirstRefusal(() => ListingChecks.Session(_clock.StatusAt(at)), () => ListingChecks.Quantity(quantity, _rules), listingCheck);

    private ExchangeStatus NotOpen(OrderId listing) =>
        _open.Any(l => l.Id == listing) ? ExchangeStatus.Ok
        : _filledToday.Contains(listing.Value) ? ExchangeStatus.ListingExhausted
        : ExchangeStatus.ListingNotFound;

    private bool Crosses(Side side, PricePerTonne price) => side == Side.Buy
        ? _open.Any(l => l.Side == Side.Sell && l.Price <= price)
        : _open.Any(l => l.Side == Side.Buy && l.Price >= price);

    private List<DepthLevel> Levels(Side side, int levels) =>
        Listings(side)
            .GroupBy(l => l.Price)
            .Take(levels)
            .Select(g => new DepthLevel(g.Key, new Tonnes(g.Sum(l => l.Open.Value)), g.Count()))
            .ToList();

    private sealed record Entry(OrderId Id, ParticipantId Participant, Side Side, PricePerTonne Price, Tonnes Original)
    {
        public Tonnes Open { get; set; }

        public ListingView View => new(Id, Participant, Side, Price, Original, Open);
    }
}
