using OpenCcer.Core.Exchange;
using OpenCcer.Core.Primitives;

namespace OpenCcer.Storage.Exchange;

/// <summary>
/// A market as readers see it after the last committed command: immutable, so reads never wait for the
/// writer. <see cref="Buys"/> and <see cref="Sells"/> are the open listings in priority order;
/// <see cref="Proposals"/> the open bulk-agreement proposals and <see cref="Biddings"/> the open one-way
/// biddings' public terms (their bids stay sealed), both in id order.
/// </summary>
public sealed record MarketSnapshot(
    ListedInstrument Info,
    PricePerTonne BasePrice,
    DateOnly TradingDate,
    bool IsDayOpen,
    bool IsSuspended,
    DailyBar Bar,
    MarketDepth Depth,
    IReadOnlyList<ListingView> Buys,
    IReadOnlyList<ListingView> Sells,
    IReadOnlyList<BulkProposal> Proposals,
    IReadOnlyList<BiddingView> Biddings,
    string StateHash)
{
    public static MarketSnapshot Of(ListedInstrument info, Market market) => new(info, market.BasePrice, market.TradingDate, market.IsDayOpen,
        market.IsSuspended, market.Bar, market.Depth(), market.Listings.Listings(Side.Buy), market.Listings.Listings(Side.Sell),
        [.. market.Bulk.Open], [.. market.Biddings.Select(BiddingView.Of)], market.StateHash());
}

/// <summary>The public terms of an open one-way bidding (单向竞价).</summary>
public sealed record BiddingView(
    OrderId Bidding, ParticipantId Initiator, Side InitiatorSide, Tonnes Quantity, PricePerTonne ReservePrice,
    DateTimeOffset WindowStart, DateTimeOffset WindowEnd, BiddingPricing Pricing)
{
    public static BiddingView Of(OneWayBidding b) =>
        new(b.Id, b.Initiator, b.InitiatorSide, b.Quantity, b.ReservePrice, b.WindowStart, b.WindowEnd, b.Pricing);
}

/// <summary>What one committed command changed, for the live feed: its trades and the markets it touched.</summary>
public sealed record ExchangeChange(long Sequence, IReadOnlyList<Trade> Trades, IReadOnlyList<MarketSnapshot> Markets);
