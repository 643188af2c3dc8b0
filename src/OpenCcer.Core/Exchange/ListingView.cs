using OpenCcer.Core.Primitives;

namespace OpenCcer.Core.Exchange;

/// <summary>
/// An open listing as the board shows it. <see cref="Open"/> is what can still be taken, positive and
/// at most <see cref="Original"/>. Listings of one side are ordered best price first, then earliest
/// (lower id first, ids being ascending).
/// </summary>
public readonly record struct ListingView(
    OrderId Id,
    ParticipantId Participant,
    Side Side,
    PricePerTonne Price,
    Tonnes Original,
    Tonnes Open);
