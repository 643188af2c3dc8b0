using System.Data.Common;
using System.Globalization;
using OpenCcer.Core.Exchange;
using OpenCcer.Core.Primitives;
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

    /// <summary>
    /// Collects what <paramref name="command"/> changed, right after the venue ran it at <paramref name="at"/>:
    /// a first listing, new and settled trades, and the cash accounts and postings the cash book reports.
    /// The engine writes these; the verifier rebuilds the projections from them.
    /// </summary>
    public void Collect(VenueCommand command, VenueResult result, TradingVenue venue, DateTimeOffset at, bool isNewInstrument)
    {
        if (isNewInstrument && command is ListInstrument list && venue.TryGetMarket(list.Instrument, out _, out var info) && info.ListedAt == at)
            Instruments.Add(info);
        Trades.AddRange(TradesOf(result));
        if (command is SettleTrades settle) Settled.AddRange(result.Settled.Select(p => (p.Trade, settle.Date)));
        Accounts.AddRange(venue.Cash.TakeChangedAccounts());
        Postings.AddRange(venue.Cash.TakePostings());
    }

    /// <summary>The trades a result made, in event order.</summary>
    public static IEnumerable<Trade> TradesOf(VenueResult result) =>
        result.Events.Select(e => e switch { ListingTaken t => t.Trade, BulkConfirmed c => c.Trade, BidAllocated a => a.Trade, _ => null })
            .OfType<Trade>();

    public static InstrumentRow RowOf(ListedInstrument i) => new(i.Instrument.ProjectCode, i.Instrument.Vintage, i.ListedBy.Value,
        i.InitialPrice.Fen, EventJson.Timestamp(i.ListedAt), Date(i.TradableFrom));

    /// <summary>A trade as first written: not yet settled.</summary>
    public static TradeRow RowOf(Trade t) => new(t.Instrument.ProjectCode, t.Instrument.Vintage, t.Id.Value, Snake(t.Method.ToString()),
        t.BuyerId.Value, t.SellerId.Value, t.Price.Fen, t.Quantity.Value, t.Turnover.Fen, t.BuyerFee.Fen, t.SellerFee.Fen,
        EventJson.Timestamp(t.At), Date(ChinaClock.DateOf(t.At)), null, null);

    public static CashAccountRow RowOf(CashAccount a) => new(a.Participant.Value, a.Balance.Fen, a.Held.Fen);

    public static CashPostingRow RowOf(CashPosting p) => new(p.Id, p.Participant.Value, Snake(p.Kind.ToString()), p.Amount.Fen,
        p.Balance.Fen, p.Reference, EventJson.Timestamp(p.At));

    public async Task WriteAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct)
    {
        var j = Journal;
        await RunAsync(connection, transaction, ct, """
            INSERT INTO exchange_journal (seq, operation_id, request_hash, kind, command, result, at, prev_hash, hash)
            VALUES (@a, @b, @c, @d, @e, @f, @g, @h, @i)
            """, j.Sequence, j.OperationId, j.RequestHash, j.Kind, j.Command, j.Result, j.At, j.PreviousHash, j.Hash);
        foreach (var i in Instruments.Select(RowOf))
        {
            await RunAsync(connection, transaction, ct, """
                INSERT INTO exchange_instruments (project_code, vintage, listed_by, initial_price_fen, listed_at, tradable_from)
                VALUES (@a, @b, @c, @d, @e, @f)
                """, i.ProjectCode, i.Vintage, i.ListedBy, i.InitialPriceFen, i.ListedAt, i.TradableFrom);
        }
        foreach (var t in Trades.Select(RowOf))
        {
            await RunAsync(connection, transaction, ct, """
                INSERT INTO exchange_trades (project_code, vintage, trade_id, method, buyer_id, seller_id, price_fen, quantity,
                    turnover_fen, buyer_fee_fen, seller_fee_fen, at, trade_date)
                VALUES (@a, @b, @c, @d, @e, @f, @g, @h, @i, @j, @k, @l, @m)
                """, t.ProjectCode, t.Vintage, t.TradeId, t.Method, t.BuyerId, t.SellerId,
                t.PriceFen, t.Quantity, t.TurnoverFen, t.BuyerFeeFen, t.SellerFeeFen, t.At, t.TradeDate);
        }
        foreach (var (t, date) in Settled)
        {
            var updated = await RunAsync(connection, transaction, ct, """
                UPDATE exchange_trades SET settled_at = @a, settlement_date = @b
                WHERE project_code = @c AND vintage = @d AND trade_id = @e AND settled_at IS NULL
                """, Journal.At, Date(date), t.Instrument.ProjectCode, t.Instrument.Vintage, t.Id.Value);
            if (updated != 1) throw new InvalidOperationException($"Trade {t.Instrument} {t.Id} is missing or settled already.");
        }
        foreach (var a in Accounts.Select(RowOf))
        {
            await RunAsync(connection, transaction, ct, """
                INSERT INTO cash_accounts (participant_id, balance_fen, held_fen) VALUES (@a, @b, @c)
                ON CONFLICT (participant_id) DO UPDATE SET balance_fen = excluded.balance_fen, held_fen = excluded.held_fen
                """, a.ParticipantId, a.BalanceFen, a.HeldFen);
        }
        foreach (var p in Postings.Select(RowOf))
        {
            await RunAsync(connection, transaction, ct, """
                INSERT INTO cash_postings (id, participant_id, kind, amount_fen, balance_fen, reference, at)
                VALUES (@a, @b, @c, @d, @e, @f, @g)
                """, p.Id, p.ParticipantId, p.Kind, p.AmountFen, p.BalanceFen, p.Reference, p.At);
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
