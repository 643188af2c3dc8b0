using OpenCcer.Core.Primitives;

namespace OpenCcer.Core.Exchange;

/// <summary>A one-way bidding was announced; the initiator's quantity is reserved.</summary>
public sealed record BiddingAnnounced(
    DateTimeOffset At, OrderId Bidding, ParticipantId Initiator, Side InitiatorSide, Tonnes Quantity,
    PricePerTonne ReservePrice, DateTimeOffset WindowStart, DateTimeOffset WindowEnd, BiddingPricing Pricing,
    Tonnes UnitsReserved, Money FundsReserved) : ExchangeEvent(At);

/// <summary>
/// A sealed bid was accepted. Journal only: bids stay sealed until the close, so the public feed must
/// not show this event before <see cref="BiddingClosed"/>.
/// </summary>
public sealed record BidPlaced(
    DateTimeOffset At, OrderId Bidding, OrderId Bid, ParticipantId Bidder, PricePerTonne Price, Tonnes Quantity,
    Tonnes UnitsReserved, Money FundsReserved) : ExchangeEvent(At);

/// <summary>
/// The outcome of one bid at the close: <see cref="Allocated"/> tonnes (zero when outbid, then no
/// <see cref="Trade"/>), and what is released of the bid's reservation.
/// </summary>
public sealed record BidAllocated(
    DateTimeOffset At, OrderId Bidding, OrderId Bid, Tonnes Allocated, Tonnes UnitsReleased, Money FundsReleased, Trade? Trade) : ExchangeEvent(At);

/// <summary>
/// A one-way bidding closed. <see cref="ClearingPrice"/> is the uniform price (null when nothing was
/// allocated or the pricing is pay-as-bid). <see cref="Unallocated"/> tonnes go back to the initiator,
/// with the rest of the initiator's reservation.
/// </summary>
public sealed record BiddingClosed(
    DateTimeOffset At, OrderId Bidding, PricePerTonne? ClearingPrice, Tonnes Allocated, Tonnes Unallocated,
    Tonnes UnitsReleased, Money FundsReleased) : ExchangeEvent(At);
