using System.Data.Common;
using System.Globalization;
using OpenCcer.Core.Exchange;
using OpenCcer.Storage.Journal;

namespace OpenCcer.Storage.Exchange;

/// <summary>The rows one venue command writes, in the registry's transaction: its journal row and the projections it changed.</summary>
internal sealed class ExchangeWrite(ExchangeJournalRow journal)
{
    public ExchangeJournalRow Journal { get; } = journal;
    public List<ListedInstrument> Instruments { get; } = [];
    public List<Trade> Trades { get; } = [];
    public List<(Trade Trade, DateOnly Date)> Settled { get; } = [];
    public List<CashAccount> Accounts { get; } = [];
    public List<CashPosting> Postings { get; } = [];

    public async Task WriteAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct)
    {
        var j = Journal;
        await RunAsync(connection, transaction, ct, """
            INSERT INTO exchange_journal (seq, operation_id, request_hash, kind, command, result, at, prev_hash, hash)
            VALUES (@a, @b, @c, @d, @e, @f, @g, @h, @i)
            """, j.Sequence, j.OperationId, j.RequestHash, j.Kind, j.Command, j.Result, j.At, j.PreviousHash, j.Hash);
        foreach (var i in Instruments)
        {
            await RunAsync(connection, transaction, ct, """
                INSERT INTO exchange_instruments (project_code, vintage, listed_by, initial_price_fen, listed_at, tradable_from)
                VALUES (@a, @b, @c, @d, @e, @f)
                """, i.Instrument.ProjectCode, i.Instrument.Vintage, i.ListedBy.Value, i.InitialPrice.Fen, EventJson.Timestamp(i.ListedAt), Date(i.TradableFrom));
        }
        foreach (var t in Trades)
        {
            await RunAsync(connection, transaction, ct, """
                INSERT INTO exchange_trades (project_code, vintage, trade_id, method, buyer_id, seller_id, price_fen, quantity,
                    turnover_fen, buyer_fee_fen, seller_fee_fen, at, trade_date)
                VALUES (@a, @b, @c, @d, @e, @f, @g, @h, @i, @j, @k, @l, @m)
                """, t.Instrument.ProjectCode, t.Instrument.Vintage, t.Id.Value, Snake(t.Method.ToString()), t.BuyerId.Value, t.SellerId.Value,
                t.Price.Fen, t.Quantity.Value, t.Turnover.Fen, t.BuyerFee.Fen, t.SellerFee.Fen, EventJson.Timestamp(t.At), Date(MarketClock.LocalDate(t.At)));
        }
        foreach (var (t, date) in Settled)
        {
            var updated = await RunAsync(connection, transaction, ct, """
                UPDATE exchange_trades SET settled_at = @a, settlement_date = @b
                WHERE project_code = @c AND vintage = @d AND trade_id = @e AND settled_at IS NULL
                """, Journal.At, Date(date), t.Instrument.ProjectCode, t.Instrument.Vintage, t.Id.Value);
            if (updated != 1) throw new InvalidOperationException($"Trade {t.Instrument} {t.Id} is missing or settled already.");
        }
        foreach (var a in Accounts)
        {
            await RunAsync(connection, transaction, ct, """
                INSERT INTO cash_accounts (participant_id, balance_fen, held_fen) VALUES (@a, @b, @c)
                ON CONFLICT (participant_id) DO UPDATE SET balance_fen = excluded.balance_fen, held_fen = excluded.held_fen
                """, a.Participant.Value, a.Balance.Fen, a.Held.Fen);
        }
        foreach (var p in Postings)
        {
            await RunAsync(connection, transaction, ct, """
                INSERT INTO cash_postings (id, participant_id, kind, amount_fen, balance_fen, reference, at)
                VALUES (@a, @b, @c, @d, @e, @f, @g)
                """, p.Id, p.Participant.Value, Snake(p.Kind.ToString()), p.Amount.Fen, p.Balance.Fen, p.Reference, EventJson.Timestamp(p.At));
        }
    }

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Snake(string name) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(name);

    private static async Task<int> RunAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct, string sql, params object[] values)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < values.Length; i++)
        {
            var p = command.CreateParameter();
            p.ParameterName = "@" + (char)('a' + i);
            p.Value = values[i];
            command.Parameters.Add(p);
        }
        return await command.ExecuteNonQueryAsync(ct);
    }
}
