using OpenCcer.Core.Primitives;
using OpenCcer.Core.Registry;

namespace OpenCcer.Core.Exchange;

/// <summary>
/// A listed-agreement book (挂牌协议, T 13) of one instrument for one trading day. Two implementations
/// with identical behaviour: <see cref="ListedAgreementBook"/> (fast) and <see cref="NaiveListedBook"/>
/// (plain lists, the reference the tests compare against).
/// <para>
/// Every command either returns <see cref="ExchangeStatus.Ok"/> and appends its events to
/// <c>events</c>, or returns a refusal and changes nothing. Order ids are strictly ascending, so
/// "earliest" is "lowest id". Invariants after every command: the book is never crossed (best bid
/// &lt; best ask), and every open listing has a reservation equal to its open quantity.
/// </para>
/// </summary>
public interface IListedBook
{
    Instrument Instrument { get; }

    /// <summary>The band of the current trading day, edges inclusive.</summary>
    PriceBand Band { get; }

    /// <summary>Number of open listings on both sides.</summary>
    int OpenCount { get; }

    Reservations Reservations { get; }

    /// <summary>Starts a trading day around <paramref name="basePrice"/>. The book must be empty (after <see cref="ExpireAll"/>).</summary>
    void StartDay(PricePerTonne basePrice);

    /// <summary>
    /// Posts a listing. Checks, in order: session, ascending id, side, price (positive, tick, band),
    /// quantity, not crossing the opposite best, open listings per participant, then units (sell) or funds
    /// (buy: quantity × <see cref="FeeSchedule.ReservedFundsPerTonne"/>).
    /// </summary>
    ExchangeStatus Post(OrderId id, ParticipantId participant, Side side, PricePerTonne price, Tonnes quantity,
        ParticipantPosition position, DateTimeOffset at, List<ExchangeEvent> events);

    /// <summary>
    /// Takes (摘牌) up to <paramref name="quantity"/> of a listing at its price: the fill is the smaller of
    /// the quantity asked and the open quantity. Checks: session, quantity, listing open (else
    /// <see cref="ExchangeStatus.ListingExhausted"/> when fully taken earlier today, otherwise
    /// <see cref="ExchangeStatus.ListingNotFound"/>), not one's own, then funds for price and fee of the
    /// fill (taker buys) or units (taker sells). <paramref name="tradeId"/> names the trade made.
    /// </summary>
    ExchangeStatus Take(OrderId listing, ParticipantId taker, Tonnes quantity, ParticipantPosition position,
        TradeId tradeId, DateTimeOffset at, List<ExchangeEvent> events);

    /// <summary>Takes from the first listing of <paramref name="listingSide"/> in priority order (best price, then earliest).</summary>
    ExchangeStatus TakeBest(Side listingSide, ParticipantId taker, Tonnes quantity, ParticipantPosition position,
        TradeId tradeId, DateTimeOffset at, List<ExchangeEvent> events);

    /// <summary>Cancels the open part of one's own listing, at any time of day.</summary>
    ExchangeStatus Cancel(OrderId listing, ParticipantId participant, DateTimeOffset at, List<ExchangeEvent> events);

    /// <summary>Expires every open listing (the close, T 13), in id order; returns how many.</summary>
    int ExpireAll(DateTimeOffset at, List<ExchangeEvent> events);

    bool TryGet(OrderId listing, out ListingView view);

    /// <summary>The first listing of a side in priority order, if any.</summary>
    bool TryGetBest(Side side, out ListingView view);

    /// <summary>The open listings of a side, best price first, then earliest.</summary>
    IReadOnlyList<ListingView> Listings(Side side);

    /// <summary>The best <paramref name="levels"/> price levels of each side.</summary>
    MarketDepth Depth(int levels);

    /// <summary>Open listings of a participant on one side.</summary>
    int OpenListingsOf(ParticipantId participant, Side side);

    /// <summary>Open quantity of a participant on one side.</summary>
    Tonnes OpenQuantityOf(ParticipantId participant, Side side);

    /// <summary>Broken invariants, empty when all hold. For tests and assertions; costs a full scan.</summary>
    IReadOnlyList<string> CheckInvariants();
}
