using OpenCcer.Core.Primitives;
using OpenCcer.Core.Registry;

namespace OpenCcer.Core.Exchange;

/// <summary>
/// The deterministic exchange of one instrument: listed agreements, bulk agreements, one-way biddings,
/// risk controls, surveillance flags and market data, driven only by commands and the instants they
/// carry. Single-threaded: one writer (the sequencer) per market. The same commands at the same instants
/// always give the same statuses, events and <see cref="StateHash"/>.
/// <para>
/// Trading days roll by themselves: the first command at or after the close of the open trading day
/// closes it first (biddings allocated, listings and proposals expired, <see cref="DayClosed"/> with the
/// next base price), and the first command on a later trading day opens that day around the base price.
/// </para>
/// </summary>
public sealed partial class Market
{
    private readonly MarketRules _rules;
    private readonly MarketClock _clock;
    private readonly ListedAgreementBook _book;
    private readonly BulkAgreementDesk _bulk;
    private readonly SortedDictionary<long, OneWayBidding> _biddings = [];
    private readonly SortedDictionary<long, string> _restricted = [];
    private readonly SortedDictionary<long, DateOnly> _lastBuy = [];
    private readonly SortedDictionary<long, DateOnly> _lastSell = [];
    private readonly SortedDictionary<long, long> _holding = [];
    private readonly SortedDictionary<long, Queue<DateTimeOffset>> _cancels = [];

    private long _lastOrderId;
    private long _nextTradeId = 1;
    private string? _suspendedReason;

    /// <param name="basePrice">The base price of the first trading day: for a new instrument, the initial price (T 17).</param>
    public Market(Instrument instrument, PricePerTonne basePrice, MarketClock clock, MarketRules? rules = null)
    {
        Instrument = instrument;
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _rules = rules ?? MarketRules.Default;
        BasePrice = basePrice;
        _book = new ListedAgreementBook(instrument, basePrice, clock, _rules.Listing, _rules.Fees);
        _bulk = new BulkAgreementDesk(instrument, basePrice, clock, _rules.Bulk, _rules.Listing, _rules.Fees);
        Bar = DailyBar.Empty(DateOnly.MinValue);
    }

    public Instrument Instrument { get; }

    /// <summary>The base price of the open (or last) trading day.</summary>
    public PricePerTonne BasePrice { get; private set; }

    /// <summary>The open trading day, or the last one when <see cref="IsDayOpen"/> is false.</summary>
    public DateOnly TradingDate { get; private set; } = DateOnly.MinValue;

    public bool IsDayOpen { get; private set; }

    public bool IsSuspended => _suspendedReason is not null;

    /// <summary>The bar of the open (or last) trading day.</summary>
    public DailyBar Bar { get; private set; }

    public IListedBook Listings => _book;

    public BulkAgreementDesk Bulk => _bulk;

    /// <summary>Open biddings by id.</summary>
    public IReadOnlyCollection<OneWayBidding> Biddings => _biddings.Values;

    public MarketDepth Depth() => _book.Depth(_rules.DepthLevels);

    public bool IsRestricted(ParticipantId participant) => _restricted.ContainsKey(participant.Value);

    /// <summary>Runs one command at <paramref name="at"/>; a refusal changes nothing but the day roll before it.</summary>
    public MarketResult Execute(MarketCommand command, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(command);
        var events = new List<ExchangeEvent>();
        var closedNow = Roll(at, events);
        var first = events.Count;
        var status = command switch
        {
            PostListing c => PostListing(c, at, events),
            TakeListing c => Take(c.Listing, null, c.Taker, c.Quantity, c.Position, at, events),
            TakeBestListing c => Take(null, c.ListingSide, c.Taker, c.Quantity, c.Position, at, events),
            CancelListing c => CancelListing(c, at, events),
            ProposeBulk c => ProposeBulk(c, at, events),
            ConfirmBulk c => ConfirmBulk(c, at, events),
            DeclineBulk c => _bulk.Decline(c.Proposal, c.Participant, at, events),
            AnnounceBidding c => AnnounceBidding(c, at, events),
            PlaceBid c => PlaceBid(c, at, events),
            CloseBidding c => CloseBidding(c, at, events),
            SuspendInstrument c => Suspend(c, at, events),
            ResumeInstrument => Resume(at, events),
            RestrictSubject c => Restrict(c, at, events),
            LiftSubjectRestriction c => Lift(c, at, events),
            CloseDay => closedNow ? ExchangeStatus.Ok : IsDayOpen ? ExchangeStatus.CloseTooEarly : ExchangeStatus.DayAlreadyClosed,
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name),
        };

        if (status == ExchangeStatus.Ok)
        {
            AfterTrades(events, first, at);
        }
        else if (events.Count != first)
        {
            throw new InvalidOperationException($"A refused {command.GetType().Name} emitted events.");
        }

        return new MarketResult(status, events);
    }

    private bool Roll(DateTimeOffset at, List<ExchangeEvent> events)
    {
        var closed = false;
        var date = ChinaClock.DateOf(at);
        if (IsDayOpen && (date > TradingDate || at >= _clock.CloseOf(TradingDate)))
        {
            CloseTheDay(_clock.CloseOf(TradingDate), events);
            closed = true;
        }

        if (!IsDayOpen && date > TradingDate && _clock.TryIsTradingDay(date, out _))
        {
            TradingDate = date;
            IsDayOpen = true;
            Bar = DailyBar.Empty(date);
            _book.StartDay(BasePrice);
            _bulk.StartDay(BasePrice);
        }

        return closed;
    }

    private void CloseTheDay(DateTimeOffset close, List<ExchangeEvent> events)
    {
        var first = events.Count;
        foreach (var bidding in _biddings.Values.ToArray())
        {
            var trades = new List<Trade>();
            bidding.Close(Instrument, new TradeId(_nextTradeId), close, events, trades);
            _nextTradeId += trades.Count;
            _biddings.Remove(bidding.Id.Value);
        }

        AfterTrades(events, first, close);
        _book.ExpireAll(close, events);
        _bulk.ExpireAll(close, events);
        var next = Bar.NextBasePrice(BasePrice);
        events.Add(new DayClosed(close, TradingDate, Bar, next));
        BasePrice = next;
        IsDayOpen = false;
    }
}
