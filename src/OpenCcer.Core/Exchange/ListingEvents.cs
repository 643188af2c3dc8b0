using OpenCcer.Core.Primitives;

namespace OpenCcer.Core.Exchange;

/// <summary>A listing was accepted; the shell reserves <see cref="UnitsReserved"/> or <see cref="FundsReserved"/>.</summary>
public sealed record ListingPosted(
    DateTimeOffset At, OrderId Listing, ParticipantId Participant, Side Side, PricePerTonne Price, Tonnes Quantity,
    Tonnes UnitsReserved, Money FundsReserved) : ExchangeEvent(At);

/// <summary>
/// A listing was taken (摘牌), partly or fully, at its price. <see cref="Remaining"/> is what stays open.
/// <see cref="FundsReleased"/> is the part of a buy listing's reservation for the filled tonnes that the
/// trade did not need (reserved per tonne minus the buyer's price and fee); zero for a sell listing.
/// </summary>
public sealed record ListingTaken(
    DateTimeOffset At, OrderId Listing, ParticipantId Taker, Tonnes Remaining, Money FundsReleased, Trade Trade) : ExchangeEvent(At);

/// <summary>The owner cancelled the open part of a listing; its reservation is released.</summary>
public sealed record ListingCancelled(
    DateTimeOffset At, OrderId Listing, ParticipantId Participant, Tonnes Quantity, Tonnes UnitsReleased, Money FundsReleased) : ExchangeEvent(At);

/// <summary>The open part of a listing expired at the close (T 13); its reservation is released.</summary>
public sealed record ListingExpired(
    DateTimeOffset At, OrderId Listing, ParticipantId Participant, Tonnes Quantity, Tonnes UnitsReleased, Money FundsReleased) : ExchangeEvent(At);
