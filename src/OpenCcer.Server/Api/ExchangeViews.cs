using OpenCcer.Application.Exchange;
using OpenCcer.Core.Exchange;
using OpenCcer.Storage.Exchange;

namespace OpenCcer.Server.Api;

public sealed record TradeView(string ProjectCode, int Vintage, long TradeId, string Method, long BuyerId, long SellerId, long PriceFen,
    long QuantityTonnes, long TurnoverFen, long BuyerFeeFen, long SellerFeeFen, DateTimeOffset At)
{
    public static TradeView Of(Trade t) => new(t.Instrument.ProjectCode, t.Instrument.Vintage, t.Id.Value, RequestReader.Snake(t.Method.ToString()),
        t.BuyerId.Value, t.SellerId.Value, t.Price.Fen, t.Quantity.Value, t.Turnover.Fen, t.BuyerFee.Fen, t.SellerFee.Fen, t.At);
}

/// <summary>
/// The answer to an accepted exchange operation. <c>order_id</c> names the listing, proposal, bidding or
/// bid it opened (its exchange journal sequence); <c>trades</c> are the trades it made.
/// </summary>
public sealed record ExchangeOperationView(string OperationId, long Sequence, bool Replayed, long? OrderId, IReadOnlyList<TradeView> Trades,
    IReadOnlyList<ExchangeEvent> Events)
{
    public static ExchangeOperationView Of(ExchangeDone done) => new(done.OperationId, done.Sequence, done.Outcome.Replayed, done.OrderId,
        [.. done.Outcome.Events.Select(e => e switch { ListingTaken t => t.Trade, BulkConfirmed c => c.Trade, BidAllocated a => a.Trade, _ => null })
            .OfType<Trade>().Select(TradeView.Of)],
        done.Outcome.Events);
}

public sealed record DepthLevelView(long PriceFen, long QuantityTonnes, int Listings);

public sealed record BarView(DateOnly Date, long? OpenFen, long? HighFen, long? LowFen, long? CloseFen, long VolumeTonnes, long TurnoverFen,
    long? ListedVwapFen);

/// <summary>A market for the public: prices, the day's bar, 5-level depth, 委比 (imbalance, basis points) and 委差 (difference, tonnes).</summary>
public sealed record MarketView(string ProjectCode, int Vintage, long InitialPriceFen, DateTimeOffset ListedAt, DateOnly TradableFrom,
    long BasePriceFen, DateOnly? TradingDate, bool DayOpen, bool Suspended, BarView Bar, IReadOnlyList<DepthLevelView> Bids,
    IReadOnlyList<DepthLevelView> Asks, int ImbalanceBasisPoints, long DifferenceTonnes)
{
    public static MarketView Of(MarketSnapshot s) => new(s.Info.Instrument.ProjectCode, s.Info.Instrument.Vintage, s.Info.InitialPrice.Fen,
        s.Info.ListedAt, s.Info.TradableFrom, s.BasePrice.Fen, s.TradingDate == DateOnly.MinValue ? null : s.TradingDate, s.IsDayOpen, s.IsSuspended,
        new BarView(s.Bar.Date, s.Bar.Open?.Fen, s.Bar.High?.Fen, s.Bar.Low?.Fen, s.Bar.Close?.Fen, s.Bar.Volume.Value, s.Bar.Turnover.Fen,
            s.Bar.ListedVwap?.Fen),
        [.. s.Depth.Bids.Select(Level)], [.. s.Depth.Asks.Select(Level)], s.Depth.ImbalanceBasisPoints, s.Depth.Difference.Value);

    private static DepthLevelView Level(DepthLevel l) => new(l.Price.Fen, l.Quantity.Value, l.Listings);
}

/// <summary>An open listing on the public board (the owner is not shown).</summary>
public sealed record ListingBoardView(long ListingId, string Side, long PriceFen, long OriginalTonnes, long OpenTonnes)
{
    public static ListingBoardView Of(ListingView l) => new(l.Id.Value, RequestReader.Snake(l.Side.ToString()), l.Price.Fen, l.Original.Value, l.Open.Value);
}

/// <summary>A public trade print: no buyer or seller.</summary>
public sealed record TradePrintView(long TradeId, string Method, long PriceFen, long QuantityTonnes, long TurnoverFen, string At);

public sealed record CashView(long ParticipantId, long BalanceFen, long HeldFen, long AvailableFen);

public sealed record PostingView(long Id, string Kind, long AmountFen, long BalanceFen, string Reference, string At);

public sealed record SettlementLineView(string ProjectCode, int Vintage, long TradeId, string Method, string Side, long CounterpartyId, long PriceFen,
    long QuantityTonnes, long TurnoverFen, long FeeFen, long CashChangeFen);

public sealed record SettlementReportView(long ParticipantId, DateOnly Date, long BoughtTonnes, long SoldTonnes, long PaidFen, long ReceivedFen,
    long FeesFen, long NetCashFen, IReadOnlyList<SettlementLineView> Lines)
{
    public static SettlementReportView Of(SettlementReport r) => new(r.Participant.Value, r.Date, r.Bought.Value, r.Sold.Value, r.Paid.Fen,
        r.Received.Fen, r.Fees.Fen, r.NetCash.Fen,
        [.. r.Lines.Select(l => new SettlementLineView(l.Instrument.ProjectCode, l.Instrument.Vintage, l.Trade.Value,
            RequestReader.Snake(l.Method.ToString()), RequestReader.Snake(l.Side.ToString()), l.Counterparty.Value, l.Price.Fen, l.Quantity.Value,
            l.Turnover.Fen, l.Fee.Fen, l.CashChange.Fen))]);
}
