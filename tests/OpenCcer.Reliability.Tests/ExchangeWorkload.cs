using System.Collections.Concurrent;
using System.Data.Common;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Npgsql;
using OpenCcer.Core.Exchange;
using OpenCcer.Core.Lifecycle;
using OpenCcer.Storage;
using OpenCcer.Storage.People;

namespace OpenCcer.Reliability.Tests;

/// <summary>
/// Client-side bookkeeping for tests that trade over HTTP on the demo instrument GD-OW-0002 2024: CGN
/// Shanwei only sells (posts sell listings, takes buy listings), Shanghai Green Capital and Jidong Cement
/// only buy (deposit cash, post buy listings, take sell listings), and every owner cancels its own
/// listings; each command under a client-chosen operation id. One side per subject keeps the
/// 5-trading-day rule out of the way; buys are priced below every sell, so no listing is refused as
/// crossing. Unacknowledged commands are kept for retries with the same id and body.
/// </summary>
public sealed partial class ExchangeWorkload
{
    public const string ProjectCode = "GD-OW-0002";
    public const int Vintage = 2024;
    public const string SellerKey = "reliability-seller-cgn";
    public const string BuyerKey = "reliability-buyer-sgc";
    public const string CementKey = "ccer-demo-buyer-cement";
    private const string Market = "/api/v1/exchange/markets/GD-OW-0002/2024";
    private static readonly string[] BuyerKeys = [BuyerKey, CementKey];
    private static readonly FeeSchedule Fees = new(60);

    public sealed record Operation(string Id, string Kind, string Path, string Key, string Body, long AmountFen);

    private readonly ConcurrentDictionary<string, Operation> unacknowledged = new();
    private readonly ConcurrentDictionary<string, (Operation Operation, long Sequence)> applied = new();
    private readonly ConcurrentDictionary<string, Operation> refused = new();
    private readonly ConcurrentDictionary<string, byte> sent = new();
    private readonly ConcurrentQueue<(long Id, string Key, Side Side)> listings = new();
    private readonly ConcurrentDictionary<string, int> refusals = new();
    private long next;

    public int Unacknowledged => unacknowledged.Count;

    /// <summary>Refusals by command, status and problem type, for the test output.</summary>
    public string RefusalSummary => string.Join(", ", refusals.OrderByDescending(r => r.Value).Select(r => $"{r.Key}: {r.Value}"));
    public int Applied => applied.Count;
    public int Refused => refused.Count;
    public int Trades;
    public int Replays;

    /// <summary>Sends of an operation id that had been sent before (after a lost answer, or a deliberate repeat).</summary>
    public int Retries;

    /// <summary>Answers lost (no response, or a 5xx), by exception or status and problem type.</summary>
    public Tally Lost { get; } = new();

    /// <summary>Issues API keys for CGN Shanwei and Shanghai Green Capital, which the demo has no keys for.</summary>
    public static async Task AddKeysAsync(LedgerStore store)
    {
        foreach (var (key, role, subject) in new[] { (SellerKey, Roles.ProjectOwner, "91440000MA4CGN0006"), (BuyerKey, Roles.TradingParticipant, "91310000MA03TRAD04") })
            await store.People.IssueApiKeyAsync(DemoSeed.HashKey(key), new ApiKeyRecord(role, subject, "reliability test", null, null), DateTimeOffset.UtcNow);
    }

    public Operation NewOperation(Random random)
    {
        var id = $"xw-{Interlocked.Increment(ref next)}-{Guid.CreateVersion7():N}";
        var buyer = BuyerKeys[random.Next(BuyerKeys.Length)];
        var roll = random.Next(100);
        var known = listings.ToArray();
        Operation op;
        if (roll < 15)
        {
            var amount = random.Next(1_000, 5_000) * 100L;
            op = new(id, "deposit", "/api/v1/exchange/cash/deposits", buyer, $$"""{"operation_id":"{{id}}","amount_fen":{{amount}}}""", amount);
        }
        else if (roll < 40)
            op = new(id, "post_sell", Market + "/listings", SellerKey,
                $$"""{"operation_id":"{{id}}","side":"sell","price_fen":{{random.Next(5_850, 6_300)}},"quantity_tonnes":{{random.Next(1, 6)}}}""", 0);
        else if (roll < 55)
            op = new(id, "post_buy", Market + "/listings", buyer,
                $$"""{"operation_id":"{{id}}","side":"buy","price_fen":{{random.Next(5_300, 5_800)}},"quantity_tonnes":{{random.Next(1, 6)}}}""", 0);
        else if (roll < 85)
        {
            // A take: a sell listing by a buyer, a buy listing by the seller; a known listing or the best one.
            var sellerTakes = random.Next(4) == 0;
            var side = sellerTakes ? Side.Buy : Side.Sell;
            var key = sellerTakes ? SellerKey : buyer;
            var candidates = known.Where(l => l.Side == side).ToArray();
            var quantity = random.Next(1, 4);
            op = candidates.Length > 0 && random.Next(2) == 0
                ? new(id, "take", $"{Market}/listings/{candidates[random.Next(candidates.Length)].Id}/take", key,
                    $$"""{"operation_id":"{{id}}","quantity_tonnes":{{quantity}}}""", 0)
                : new(id, "take", Market + "/take-best", key,
                    $$"""{"operation_id":"{{id}}","side":"{{(side == Side.Buy ? "buy" : "sell")}}","quantity_tonnes":{{quantity}}}""", 0);
        }
        else if (known.Length > 0)
        {
            var (listing, owner, _) = known[random.Next(known.Length)];
            op = new(id, "cancel", $"{Market}/listings/{listing}/cancel", owner, $$"""{"operation_id":"{{id}}"}""", 0);
        }
        else
            op = new(id, "post_sell", Market + "/listings", SellerKey, $$"""{"operation_id":"{{id}}","side":"sell","price_fen":6000,"quantity_tonnes":1}""", 0);
        unacknowledged[id] = op;
        return op;
    }

    public IReadOnlyList<Operation> Pending() => unacknowledged.Values.ToList();

    /// <summary>Sends a command; true when it was acknowledged (applied or refused), false when the answer was lost.</summary>
    public async Task<bool> SendAsync(HttpClient http, Operation op)
    {
        if (!sent.TryAdd(op.Id, 0)) Interlocked.Increment(ref Retries);
        var response = await WorkloadPost.SendAsync(http, op.Path, op.Key, op.Body, Lost);
        if (response is null) return false;
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var body = JsonDocument.Parse(text).RootElement;
                var sequence = body.GetProperty("sequence").GetInt64();
                var replayed = body.GetProperty("replayed").GetBoolean();
                if (replayed) Interlocked.Increment(ref Replays);
                if (applied.TryGetValue(op.Id, out var earlier))
                {
                    if (earlier.Sequence != sequence) throw new InvalidOperationException($"{op.Id} acknowledged at rows {earlier.Sequence} and {sequence}: applied twice.");
                    return true;
                }
                if (!applied.TryAdd(op.Id, (op, sequence))) return true;
                unacknowledged.TryRemove(op.Id, out _);
                if (body.TryGetProperty("order_id", out var order) && order.ValueKind == JsonValueKind.Number)
                    listings.Enqueue((order.GetInt64(), op.Key, op.Body.Contains("\"side\":\"buy\"", StringComparison.Ordinal) ? Side.Buy : Side.Sell));
                if (body.TryGetProperty("trades", out var trades)) Interlocked.Add(ref Trades, trades.GetArrayLength());
                return true;
            }
            if ((int)response.StatusCode is >= 400 and < 500 && response.StatusCode != HttpStatusCode.TooManyRequests)
            {
                if (response.StatusCode is HttpStatusCode.UnprocessableEntity)
                    throw new InvalidOperationException($"{op.Id} with its own body was refused as a conflict: {text}");
                if (response.StatusCode is HttpStatusCode.Unauthorized)
                    throw new InvalidOperationException($"{op.Id} ({op.Kind}) was refused as unauthorized: {text}");
                refused[op.Id] = op;
                unacknowledged.TryRemove(op.Id, out _);
                var type = text.Length > 0 && JsonDocument.Parse(text).RootElement.TryGetProperty("type", out var t) ? t.GetString() : null;
                refusals.AddOrUpdate($"{op.Kind} {(int)response.StatusCode} {type}", 1, (_, n) => n + 1);
                return true;
            }
            Lost.Add($"{(int)response.StatusCode} {WorkloadPost.ProblemType(text)}");
            return false; // 5xx (the store went away with the process): the outcome is unknown
        }
    }

    /// <summary>What the exchange checks compare against: cash and unit totals before the workload.</summary>
    public sealed record Snapshot(long CashBalances, long Deposits, long Units);

    public static async Task<Snapshot> TakeAsync(string connectionString, LedgerStore store) =>
        new(await ScalarAsync(connectionString, "SELECT COALESCE(SUM(balance_fen), 0) FROM cash_accounts"),
            await ScalarAsync(connectionString, "SELECT COALESCE(SUM(amount_fen), 0) FROM cash_postings WHERE kind = 'deposit'"),
            await UnitsAsync(store));

    /// <summary>
    /// Checks the store and the running server against what the clients were told: each applied command
    /// exactly once in the exchange journal at the row it was acknowledged at and no command twice; cash
    /// conserved (balances = deposits − withdrawals, the fee account holding exactly the fees of settled
    /// trades, every deposit counted once); each buyer's held cash exactly its open buy listings and
    /// unsettled purchases; the seller's registry reservations exactly its open sell quantities plus
    /// unsettled sales; units of the instrument conserved across all accounts.
    /// </summary>
    public async Task<List<string>> CheckAsync(string connectionString, LedgerStore store, HttpClient http, Snapshot before)
    {
        var problems = new List<string>();
        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        await foreach (var row in store.Exchange.ReadExchangeJournalAsync())
        {
            if (!row.OperationId.StartsWith("xw-", StringComparison.Ordinal)) continue;
            if (!rows.TryAdd(row.OperationId, row.Sequence)) problems.Add($"{row.OperationId} is in the exchange journal twice.");
        }
        foreach (var (id, (_, sequence)) in applied)
            if (!rows.TryGetValue(id, out var row)) problems.Add($"{id} was acknowledged but is not in the exchange journal.");
            else if (row != sequence) problems.Add($"{id} was acknowledged at exchange row {sequence} but is at row {row}.");
        foreach (var id in refused.Keys)
            if (applied.ContainsKey(id)) problems.Add($"{id} was answered as applied to one request and refused to another.");
        foreach (var id in rows.Keys)
            if (!applied.ContainsKey(id) && !refused.ContainsKey(id)) problems.Add($"{id} is in the exchange journal but no client was answered.");

        // Cash: nothing created or lost, every deposit once, the fees where they belong.
        var deposited = applied.Values.Where(a => a.Operation.Kind == "deposit").Sum(a => a.Operation.AmountFen);
        var deposits = await ScalarAsync(connectionString, "SELECT COALESCE(SUM(amount_fen), 0) FROM cash_postings WHERE kind = 'deposit'");
        var withdrawals = await ScalarAsync(connectionString, "SELECT COALESCE(SUM(amount_fen), 0) FROM cash_postings WHERE kind = 'withdrawal'");
        var balances = await ScalarAsync(connectionString, "SELECT COALESCE(SUM(balance_fen), 0) FROM cash_accounts");
        if (deposits != before.Deposits + deposited) problems.Add($"deposits {deposits} fen, expected {before.Deposits} + {deposited} acknowledged.");
        if (balances != before.CashBalances + deposited + withdrawals)
            problems.Add($"cash balances sum to {balances} fen, expected {before.CashBalances} + {deposited} deposited + {withdrawals} withdrawn (negative).");
        var fees = await ScalarAsync(connectionString, "SELECT COALESCE(SUM(buyer_fee_fen + seller_fee_fen), 0) FROM exchange_trades WHERE settled_at IS NOT NULL");
        var feeAccount = await ScalarAsync(connectionString, "SELECT COALESCE(SUM(balance_fen), 0) FROM cash_accounts WHERE participant_id = 0");
        if (feeAccount != fees) problems.Add($"the fee account holds {feeAccount} fen, settled trades charged {fees}.");
        var unbalanced = await ScalarAsync(connectionString,
            "SELECT COUNT(*) FROM cash_accounts a WHERE a.balance_fen <> COALESCE((SELECT p.balance_fen FROM cash_postings p " +
            "WHERE p.participant_id = a.participant_id ORDER BY p.id DESC LIMIT 1), 0)");
        if (unbalanced != 0) problems.Add($"{unbalanced} cash accounts differ from the running balance of their last posting.");

        // Holds: each buyer's held cash and the seller's reserved units match its open listings and unsettled trades.
        foreach (var key in BuyerKeys.Append(SellerKey))
        {
            var open = await OwnListingsAsync(http, key);
            var participant = await ParticipantAsync(http, key);
            var held = await ScalarAsync(connectionString, $"SELECT COALESCE(SUM(held_fen), 0) FROM cash_accounts WHERE participant_id = {participant}");
            var expectedHeld = checked(open.Where(l => l.Side == Side.Buy).Sum(l => l.Open * Fees.ReservedFundsPerTonne(new PricePerTonne(l.PriceFen)).Fen)
                + await ScalarAsync(connectionString, "SELECT COALESCE(SUM(turnover_fen + buyer_fee_fen), 0) FROM exchange_trades " +
                    $"WHERE settled_at IS NULL AND buyer_id = {participant} AND project_code = '{ProjectCode}' AND vintage = {Vintage}"));
            if (held != expectedHeld) problems.Add($"participant {participant} holds {held} fen, its open buys and unsettled purchases need {expectedHeld}.");

            // A sold trade's units wait in its sell listing's reservation, or in one of the trade's own when the
            // seller took a buy listing: per listing at least the open part, in all exactly open plus unsettled sales.
            var reservations = await ReservationsAsync(connectionString, participant);
            foreach (var l in open.Where(l => l.Side == Side.Sell))
                if (reservations.GetValueOrDefault(("order", l.Id)) < l.Open)
                    problems.Add($"sell listing {l.Id} of {participant} is open for {l.Open} t, its reservation has {reservations.GetValueOrDefault(("order", l.Id))} t left.");
            if (reservations.ContainsKey(("other", 0))) problems.Add($"participant {participant} has reservations whose purpose names no order or trade.");
            var unsettledSold = await ScalarAsync(connectionString, "SELECT COALESCE(SUM(quantity), 0) FROM exchange_trades " +
                $"WHERE settled_at IS NULL AND seller_id = {participant} AND project_code = '{ProjectCode}' AND vintage = {Vintage}");
            var openSells = open.Where(l => l.Side == Side.Sell).Sum(l => l.Open);
            if (reservations.Values.Sum() != openSells + unsettledSold)
                problems.Add($"participant {participant} has {reservations.Values.Sum()} t reserved, its open sells {openSells} t and unsettled sales {unsettledSold} t.");
            var holding = (await store.Registry.HoldingsAsync(participant)).SingleOrDefault(h => h.ProjectCode == ProjectCode && h.Vintage == Vintage);
            if ((holding?.Reserved ?? 0) != reservations.Values.Sum()) problems.Add($"participant {participant} holds {holding?.Reserved ?? 0} t reserved, its reservations {reservations.Values.Sum()} t.");
        }
        var units = await UnitsAsync(store);
        if (units != before.Units) problems.Add($"{units} t of {ProjectCode} {Vintage} in all accounts, {before.Units} t before.");
        return problems;
    }

    public sealed record OpenListing(long Id, Side Side, long PriceFen, long Open);

    public static async Task<List<OpenListing>> OwnListingsAsync(HttpClient http, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/exchange/orders");
        request.Headers.Add("X-Api-Key", key);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var list = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return list.EnumerateArray()
            .Where(l => l.GetProperty("project_code").GetString() == ProjectCode && l.GetProperty("vintage").GetInt32() == Vintage)
            .Select(l => new OpenListing(l.GetProperty("listing_id").GetInt64(), l.GetProperty("side").GetString() == "buy" ? Side.Buy : Side.Sell,
                l.GetProperty("price_fen").GetInt64(), l.GetProperty("open_tonnes").GetInt64())).ToList();
    }

    public static async Task<long> ParticipantAsync(HttpClient http, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/exchange/cash");
        request.Headers.Add("X-Api-Key", key);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("participant_id").GetInt64();
    }

    [GeneratedRegex(@"^exchange (?<instrument>\S+) (?<kind>order|trade) (?<number>\d+)$")]
    private static partial Regex HoldPurpose();

    /// <summary>Remaining units of a participant's exchange reservations on the instrument, by kind (order or trade) and number.</summary>
    private static async Task<Dictionary<(string Kind, long Number), long>> ReservationsAsync(string connectionString, long account)
    {
        var result = new Dictionary<(string, long), long>();
        await using var connection = Connection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT purpose, remaining FROM reservations WHERE account_id = {account} AND project_code = '{ProjectCode}' AND vintage = {Vintage}";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var m = HoldPurpose().Match(reader.GetString(0));
            var key = m.Success ? (m.Groups["kind"].Value, long.Parse(m.Groups["number"].Value, System.Globalization.CultureInfo.InvariantCulture)) : ("other", 0L);
            result[key] = result.GetValueOrDefault(key) + reader.GetInt64(1);
        }
        return result;
    }

    /// <summary>Units of the instrument in every account, whatever their state.</summary>
    private static async Task<long> UnitsAsync(LedgerStore store)
    {
        long total = 0;
        for (var offset = 0; ; offset += 100)
        {
            var accounts = await store.Registry.AccountsAsync(100, offset);
            foreach (var a in accounts)
                foreach (var h in (await store.Registry.HoldingsAsync(a.Id)).Where(h => h.ProjectCode == ProjectCode && h.Vintage == Vintage))
                    total = checked(total + h.Available + h.Reserved + h.Frozen + h.Cancelled);
            if (accounts.Count < 100) return total;
        }
    }

    private static DbConnection Connection(string connectionString) => connectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase)
        ? new NpgsqlConnection(connectionString)
        : new SqliteConnection(connectionString);

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = Connection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
