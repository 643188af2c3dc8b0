using System.Data.Common;
using System.Runtime.CompilerServices;
using OpenCcer.Storage.Exchange;

namespace OpenCcer.Storage;

/// <summary>The exchange's journal, cash, trades and settings as stored; written only by the exchange engine.</summary>
public sealed partial class ExchangeStore(LedgerStore db) : StoreAccess(db)
{
    private const string ExchangeJournalColumns = "seq, operation_id, request_hash, kind, command, result, at, prev_hash, hash";

    private static ExchangeJournalRow ExchangeRow(DbDataReader r) => new(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3),
        r.GetString(4), r.GetString(5), r.GetString(6), r.GetString(7), r.GetString(8));

    private const string TradeColumns = "project_code, vintage, trade_id, method, buyer_id, seller_id, price_fen, quantity, turnover_fen, " +
        "buyer_fee_fen, seller_fee_fen, at, trade_date, settled_at, settlement_date";

    private static TradeRow Trade(DbDataReader r) => new(r.GetString(0), r.GetInt32(1), r.GetInt64(2), r.GetString(3), r.GetInt64(4),
        r.GetInt64(5), r.GetInt64(6), r.GetInt64(7), r.GetInt64(8), r.GetInt64(9), r.GetInt64(10), r.GetString(11), r.GetString(12),
        r.IsDBNull(13) ? null : r.GetString(13), r.IsDBNull(14) ? null : r.GetString(14));

    /// <summary>The exchange journal in sequence order, read in pages.</summary>
    public async IAsyncEnumerable<ExchangeJournalRow> ReadExchangeJournalAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        long after = 0;
        while (true)
        {
            var page = await ReadAsync($"SELECT {ExchangeJournalColumns} FROM exchange_journal WHERE seq > @after ORDER BY seq LIMIT 5000",
                ExchangeRow, ct, ("@after", after));
            foreach (var row in page) yield return row;
            if (page.Count < 5000) yield break;
            after = page[^1].Sequence;
        }
    }

    public async Task<ExchangeJournalRow?> ExchangeJournalRowAsync(long seq, CancellationToken ct = default) =>
        (await ReadAsync($"SELECT {ExchangeJournalColumns} FROM exchange_journal WHERE seq = @s", ExchangeRow, ct, ("@s", seq))).SingleOrDefault();

    public async Task<CashAccountRow?> CashAccountAsync(long participantId, CancellationToken ct = default) =>
        (await ReadAsync("SELECT participant_id, balance_fen, held_fen FROM cash_accounts WHERE participant_id = @p",
            r => new CashAccountRow(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2)), ct, ("@p", participantId))).SingleOrDefault();

    /// <summary>A participant's postings after <paramref name="afterId"/>, oldest first, at most <paramref name="limit"/>.</summary>
    public Task<List<CashPostingRow>> CashPostingsAsync(long participantId, long afterId, int limit, CancellationToken ct = default) =>
        ReadAsync("SELECT id, participant_id, kind, amount_fen, balance_fen, reference, at FROM cash_postings " +
            "WHERE participant_id = @p AND id > @after ORDER BY id LIMIT @limit",
            r => new CashPostingRow(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetInt64(3), r.GetInt64(4), r.GetString(5), r.GetString(6)),
            ct, ("@p", participantId), ("@after", afterId), ("@limit", Clamp(limit)));

    /// <summary>Trades of one instrument, newest first (time and sales).</summary>
    public Task<List<TradeRow>> TradesAsync(string projectCode, int vintage, int limit, CancellationToken ct = default) =>
        ReadAsync($"SELECT {TradeColumns} FROM exchange_trades WHERE project_code = @c AND vintage = @v ORDER BY trade_id DESC LIMIT @limit",
            Trade, ct, ("@c", projectCode), ("@v", vintage), ("@limit", Clamp(limit)));

    /// <summary>Trades settled for <paramref name="settlementDate"/> (yyyy-MM-dd) with the participant on either side.</summary>
    public Task<List<TradeRow>> SettledTradesAsync(long participantId, string settlementDate, CancellationToken ct = default) =>
        ReadAsync($"SELECT {TradeColumns} FROM exchange_trades WHERE settlement_date = @d AND (buyer_id = @p OR seller_id = @p) " +
            "ORDER BY project_code, vintage, trade_id", Trade, ct, ("@d", settlementDate), ("@p", participantId));

    /// <summary>The participants with a trade settled for <paramref name="settlementDate"/>.</summary>
    public async Task<List<long>> SettledParticipantsAsync(string settlementDate, CancellationToken ct = default) =>
        (await ReadAsync("SELECT buyer_id FROM exchange_trades WHERE settlement_date = @d UNION SELECT seller_id FROM exchange_trades WHERE settlement_date = @d",
            r => r.GetInt64(0), ct, ("@d", settlementDate))).Order().ToList();

    public Task<List<InstrumentRow>> ExchangeInstrumentsAsync(CancellationToken ct = default) =>
        ReadAsync("SELECT project_code, vintage, listed_by, initial_price_fen, listed_at, tradable_from FROM exchange_instruments ORDER BY listed_at, project_code, vintage",
            r => new InstrumentRow(r.GetString(0), r.GetInt32(1), r.GetInt64(2), r.GetInt64(3), r.GetString(4), r.GetString(5)), ct);

    /// <summary>Every cash account, by participant (for verification).</summary>
    public Task<List<CashAccountRow>> AllCashAccountsAsync(CancellationToken ct = default) =>
        ReadAsync("SELECT participant_id, balance_fen, held_fen FROM cash_accounts ORDER BY participant_id",
            r => new CashAccountRow(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2)), ct);

    /// <summary>Every cash posting, by id (for verification).</summary>
    public Task<List<CashPostingRow>> AllCashPostingsAsync(CancellationToken ct = default) =>
        ReadAsync("SELECT id, participant_id, kind, amount_fen, balance_fen, reference, at FROM cash_postings ORDER BY id",
            r => new CashPostingRow(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetInt64(3), r.GetInt64(4), r.GetString(5), r.GetString(6)), ct);

    /// <summary>Every trade of every instrument (for verification).</summary>
    public Task<List<TradeRow>> AllTradesAsync(CancellationToken ct = default) =>
        ReadAsync($"SELECT {TradeColumns} FROM exchange_trades ORDER BY project_code, vintage, trade_id", Trade, ct);

    /// <summary>The clock and fee the exchange journal was written under, or null before the exchange first started.</summary>
    public async Task<ExchangeSettings?> ExchangeSettingsAsync(CancellationToken ct = default) =>
        (await ReadAsync("SELECT always_open_demo, fee_basis_points FROM exchange_settings WHERE id = 1",
            r => new ExchangeSettings(r.GetInt64(0) != 0, checked((int)r.GetInt64(1))), ct)).SingleOrDefault();

    /// <summary>Records the exchange's settings unless some are recorded already; returns those that hold.</summary>
    public async Task<ExchangeSettings> SaveExchangeSettingsAsync(ExchangeSettings settings, CancellationToken ct = default)
    {
        await using (var connection = await OpenAsync(ct))
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "INSERT INTO exchange_settings (id, always_open_demo, fee_basis_points) VALUES (1, @d, @f) ON CONFLICT (id) DO NOTHING";
            Add(command, "@d", settings.AlwaysOpenDemo ? 1 : 0);
            Add(command, "@f", settings.FeeBasisPoints);
            await command.ExecuteNonQueryAsync(ct);
        }
        return (await ExchangeSettingsAsync(ct))!;
    }

    /// <summary>
    /// Exchange journal rows before <paramref name="beforeSeq"/> whose result holds an event of
    /// <paramref name="eventType"/> (its JSON type name), newest first. Scans the journal: for the operator's reviews.
    /// </summary>
    public Task<List<ExchangeJournalRow>> ExchangeJournalRowsWithEventAsync(string eventType, long beforeSeq, int limit, CancellationToken ct = default) =>
        ReadAsync($"SELECT {ExchangeJournalColumns} FROM exchange_journal WHERE seq < @before AND result LIKE @pattern ORDER BY seq DESC LIMIT @limit",
            ExchangeRow, ct, ("@before", beforeSeq), ("@pattern", $"%\"type\":\"{eventType}\"%"), ("@limit", Clamp(limit)));
}
