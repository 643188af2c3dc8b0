using OpenCcer.Core.Primitives;

namespace OpenCcer.Core.Exchange;

/// <summary>A request to one market. Shapes are checked by the market, not trusted.</summary>
public abstract record MarketCommand;

public sealed record PostListing(OrderId Id, ParticipantId Participant, Side Side, PricePerTonne Price, Tonnes Quantity, ParticipantPosition Position) : MarketCommand;

public sealed record TakeListing(OrderId Listing, ParticipantId Taker, Tonnes Quantity, ParticipantPosition Position) : MarketCommand;

/// <summary>Takes from the first listing of <see cref="ListingSide"/> in priority order.</summary>
public sealed record TakeBestListing(Side ListingSide, ParticipantId Taker, Tonnes Quantity, ParticipantPosition Position) : MarketCommand;

public sealed record CancelListing(OrderId Listing, ParticipantId Participant) : MarketCommand;

public sealed record ProposeBulk(
    OrderId Id, ParticipantId Proposer, ParticipantId Counterparty, Side ProposerSide, PricePerTonne Price, Tonnes Quantity,
    ParticipantPosition Position) : MarketCommand;

public sealed record ConfirmBulk(OrderId Proposal, ParticipantId Counterparty, ParticipantPosition Position) : MarketCommand;

/// <summary>The counterparty declines or the proposer withdraws.</summary>
public sealed record DeclineBulk(OrderId Proposal, ParticipantId Participant) : MarketCommand;

/// <summary>Announces a one-way bidding; a null <see cref="Pricing"/> takes the configured default.</summary>
public sealed record AnnounceBidding(
    OrderId Id, ParticipantId Initiator, Side InitiatorSide, Tonnes Quantity, PricePerTonne ReservePrice,
    DateTimeOffset WindowStart, DateTimeOffset WindowEnd, BiddingPricing? Pricing, ParticipantPosition Position) : MarketCommand;

public sealed record PlaceBid(OrderId Id, OrderId Bidding, ParticipantId Bidder, PricePerTonne Price, Tonnes Quantity, ParticipantPosition Position) : MarketCommand;

/// <summary>Allocates a bidding whose window has ended (the operator or the sequencer's timer sends it).</summary>
public sealed record CloseBidding(OrderId Bidding) : MarketCommand;

public sealed record SuspendInstrument(string Reason) : MarketCommand;

public sealed record ResumeInstrument : MarketCommand;

public sealed record RestrictSubject(ParticipantId Participant, string Reason) : MarketCommand;

public sealed record LiftSubjectRestriction(ParticipantId Participant) : MarketCommand;

/// <summary>Closes the trading day: allowed at or after the close; a later command closes it too.</summary>
public sealed record CloseDay : MarketCommand;
