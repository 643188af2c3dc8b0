using OpenCcer.Core.Exchange;

namespace OpenCcer.Storage.Exchange;

/// <summary>
/// A market as readers see it after the last committed command: immutable, so reads never wait for the
/// writer. <see cref="Buys"/> and <see cref="Sells"/> are the open listings in priority order.
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
    string StateHash)
{
    public static MarketSnapshot Of(ListedInstrument info, Market market) => new(info, market.BasePrice, market.TradingDate, market.IsDayOpen,
        market.IsSuspended, market.Bar, market.Depth(), market.Listings.Listings(Side.Buy), market.Listings.Listings(Side.Sell), market.StateHash());
}

/// <summary>What one committed command changed, for the live feed: its trades and the markets it touched.</summary>
public sealed record ExchangeChange(long Sequence, IReadOnlyList<Trade> Trades, IReadOnlyList<MarketSnapshot> Markets);
