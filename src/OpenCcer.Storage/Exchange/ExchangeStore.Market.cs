using System.Globalization;
using OpenCcer.Storage.Exchange;

namespace OpenCcer.Storage;

/// <summary>One trading day of one instrument from its trades: volume and the last price.</summary>
public sealed record TradeDayRow(string TradeDate, long Volume, long LastPriceFen);

// Market figures for the public pages, read from the trades.
public sealed partial class ExchangeStore
{
    /// <summary>Volume and last price per trading day of one instrument, oldest first.</summary>
    public Task<List<TradeDayRow>> TradeDaysAsync(string projectCode, int vintage, CancellationToken ct = default) =>
        ReadAsync("SELECT t.trade_date, SUM(t.quantity), (SELECT l.price_fen FROM exchange_trades l WHERE l.project_code = t.project_code " +
            "AND l.vintage = t.vintage AND l.trade_date = t.trade_date ORDER BY l.trade_id DESC LIMIT 1) FROM exchange_trades t " +
            "WHERE t.project_code = @c AND t.vintage = @v GROUP BY t.project_code, t.vintage, t.trade_date ORDER BY t.trade_date",
            r => new TradeDayRow(r.GetString(0), Convert.ToInt64(r.GetValue(1), CultureInfo.InvariantCulture),
                Convert.ToInt64(r.GetValue(2), CultureInfo.InvariantCulture)),
            ct, ("@c", projectCode), ("@v", vintage));

    /// <summary>Tonnes traded on every market since the exchange opened.</summary>
    public async Task<long> TradedTonnesAsync(CancellationToken ct = default) =>
        (await ReadAsync("SELECT COALESCE(SUM(quantity), 0) FROM exchange_trades", r => Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture), ct))
        .Single();

    /// <summary>The latest trade on any market, or null before the first.</summary>
    public async Task<TradeRow?> LatestTradeAsync(CancellationToken ct = default) =>
        (await ReadAsync($"SELECT {TradeColumns} FROM exchange_trades ORDER BY at DESC, trade_id DESC LIMIT 1", Trade, ct)).SingleOrDefault();

    /// <summary>The latest settlement dates (yyyy-MM-dd) with a trade of the participant, newest first.</summary>
    public Task<List<string>> SettlementDatesAsync(long participantId, int limit, CancellationToken ct = default) =>
        ReadAsync("SELECT DISTINCT settlement_date FROM exchange_trades WHERE settlement_date IS NOT NULL AND (buyer_id = @p OR seller_id = @p) " +
            "ORDER BY settlement_date DESC LIMIT @limit", r => r.GetString(0), ct, ("@p", participantId), ("@limit", Clamp(limit)));

    /// <summary>The earliest trade date with an unsettled trade, or null when every trade is settled.</summary>
    public async Task<string?> EarliestUnsettledTradeDateAsync(CancellationToken ct = default) =>
        (await ReadAsync("SELECT MIN(trade_date) FROM exchange_trades WHERE settled_at IS NULL", r => r.IsDBNull(0) ? null : r.GetString(0), ct))
        .SingleOrDefault();
}
