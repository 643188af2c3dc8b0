using System.Globalization;
using OpenCcer.Core.Exchange;
using OpenCcer.Core.Registry;
using OpenCcer.Storage.Journal;

namespace OpenCcer.Storage.Exchange;

/// <summary>What <see cref="ExchangeJournalVerifier"/> found: rows read, head hash and the replayed venue's state hash.</summary>
public sealed record ExchangeVerification(long JournalRows, string HeadHash, string StateHash);

/// <summary>
/// Replays the exchange journal from the first row through a fresh venue: checks every hash link, that
/// each command replays to exactly the recorded result, the cash book's invariants, and that the cash
/// and trade projections (<c>cash_accounts</c>, <c>cash_postings</c>, <c>exchange_trades</c>,
/// <c>exchange_instruments</c>) equal what the replay writes. The venue must run on the clock and rules
/// the exchange ran on.
/// </summary>
public static class ExchangeJournalVerifier
{
    public static async Task<ExchangeVerification> VerifyAsync(LedgerStore store, MarketClock clock, MarketRules rules,
        List<string> problems, CancellationToken ct = default)
    {
        var venue = new TradingVenue(clock, rules);
        var instruments = new List<InstrumentRow>();
        var listed = new HashSet<Instrument>();
        var trades = new Dictionary<(string, int, long), TradeRow>();
        var accounts = new Dictionary<long, CashAccountRow>();
        var postings = new List<CashPostingRow>();
        var chain = new ChainVerifier("Exchange journal");
        var replayable = true;
        await foreach (var row in store.Exchange.ReadExchangeJournalAsync(ct))
        {
            chain.Check(row.Link, problems);
            if (!replayable) continue;
            try
            {
                var command = VenueJson.Deserialize(row.Command);
                if (VenueJson.KindOf(command) != row.Kind) problems.Add($"Exchange journal row {row.Sequence}: kind {row.Kind} does not match its command.");
                var at = DateTimeOffset.Parse(row.At, CultureInfo.InvariantCulture);
                var result = venue.Execute(command, at);
                var replayed = VenueJson.Serialize(new VenueRecord(result.Status, result.MarketStatus, result.Events));
                if (replayed != row.Result) problems.Add($"Exchange journal row {row.Sequence}: replays as {result.Status}/{result.MarketStatus} with other events than recorded.");
                var write = new ExchangeWrite(row);
                write.Collect(command, result, venue, at, isNewInstrument: command is ListInstrument l && !listed.Contains(l.Instrument));
                Apply(write, instruments, listed, trades, accounts, postings, row, problems);
            }
            catch (Exception ex) when (ex is System.Text.Json.JsonException or FormatException or ArgumentException or InvalidOperationException or NotSupportedException or OverflowException)
            {
                problems.Add($"Exchange journal row {row.Sequence}: cannot be replayed: {ex.Message}");
                replayable = false;
            }
        }
        if (replayable)
        {
            problems.AddRange(venue.Cash.CheckInvariants().Select(p => "Replayed cash book: " + p));
            Compare("exchange_instruments", instruments, await store.Exchange.ExchangeInstrumentsAsync(ct), problems);
            Compare("exchange_trades", [.. trades.Values], await store.Exchange.AllTradesAsync(ct), problems);
            Compare("cash_accounts", [.. accounts.Values], await store.Exchange.AllCashAccountsAsync(ct), problems);
            Compare("cash_postings", postings, await store.Exchange.AllCashPostingsAsync(ct), problems);
        }
        return new ExchangeVerification(chain.Head.Sequence, chain.Head.Hash, replayable ? venue.StateHash() : "");
    }

    private static void Apply(ExchangeWrite write, List<InstrumentRow> instruments, HashSet<Instrument> listed,
        Dictionary<(string, int, long), TradeRow> trades, Dictionary<long, CashAccountRow> accounts, List<CashPostingRow> postings,
        ExchangeJournalRow row, List<string> problems)
    {
        foreach (var i in write.Instruments)
        {
            listed.Add(i.Instrument);
            instruments.Add(ExchangeWrite.RowOf(i));
        }
        foreach (var t in write.Trades) trades[(t.Instrument.ProjectCode, t.Instrument.Vintage, t.Id.Value)] = ExchangeWrite.RowOf(t);
        foreach (var (t, date) in write.Settled)
        {
            var key = (t.Instrument.ProjectCode, t.Instrument.Vintage, t.Id.Value);
            if (trades.TryGetValue(key, out var open) && open.SettledAt is null)
                trades[key] = open with { SettledAt = row.At, SettlementDate = ExchangeWrite.Date(date) };
            else problems.Add($"Exchange journal row {row.Sequence}: settles trade {t.Instrument} {t.Id}, which is missing or settled already.");
        }
        foreach (var a in write.Accounts) accounts[a.Participant.Value] = ExchangeWrite.RowOf(a);
        postings.AddRange(write.Postings.Select(ExchangeWrite.RowOf));
    }

    private static void Compare<T>(string table, List<T> expected, List<T> actual, List<string> problems) where T : notnull
    {
        foreach (var row in expected.Except(actual).Take(10)) problems.Add($"Projection {table}: expected {row}, not found as such.");
        foreach (var row in actual.Except(expected).Take(10)) problems.Add($"Projection {table}: row {row} does not match the exchange journal.");
    }
}
