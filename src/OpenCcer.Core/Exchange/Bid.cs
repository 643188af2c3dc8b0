using OpenCcer.Core.Primitives;

namespace OpenCcer.Core.Exchange;

/// <summary>A sealed bid in a one-way bidding. Earlier bids have lower ids.</summary>
public sealed record Bid(OrderId Id, ParticipantId Bidder, PricePerTonne Price, Tonnes Quantity, DateTimeOffset At);
