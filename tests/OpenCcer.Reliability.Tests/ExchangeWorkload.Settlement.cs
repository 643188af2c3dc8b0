using OpenCcer.Core.Exchange;
using OpenCcer.Storage;

namespace OpenCcer.Reliability.Tests;

public sealed partial class ExchangeWorkload
{
    /// <summary>The fee account's participant id.</summary>
    private const long FeeAccount = 0;

    /// <summary>A participant's cash balance, available units of the instrument and open sell quantity.</summary>
    public sealed record Position(long BalanceFen, long AvailableTonnes, long OpenSellTonnes);

    /// <summary>The positions of the seller, both buyers and the fee account, taken before the close and settlement.</summary>
    public static async Task<Dictionary<long, Position>> PositionsAsync(string connectionString, LedgerStore store, HttpClient http)
    {
        var positions = new Dictionary<long, Position>
        {
            [FeeAccount] = new(await ScalarAsync(connectionString, $"SELECT COALESCE(SUM(balance_fen), 0) FROM cash_accounts WHERE participant_id = {FeeAccount}"), 0, 0),
        };
        foreach (var key in BuyerKeys.Append(SellerKey))
        {
            var participant = await ParticipantAsync(http, key);
            var balance = await ScalarAsync(connectionString, $"SELECT COALESCE(SUM(balance_fen), 0) FROM cash_accounts WHERE participant_id = {participant}");
            var holding = (await store.Registry.HoldingsAsync(participant)).SingleOrDefault(h => h.ProjectCode == ProjectCode && h.Vintage == Vintage);
            var openSells = (await OwnListingsAsync(http, key)).Where(l => l.Side == Side.Sell).Sum(l => l.Open);
            positions[participant] = new(balance, holding?.Available ?? 0, openSells);
        }
        return positions;
    }

    /// <summary>
    /// Checks a close and settlement of every trade the workload made: no trade left unsettled, as many
    /// settled as the clients were told of; each participant's cash moved by exactly its sales less the
    /// seller's fee minus its purchases plus the buyer's fee, the fee account by exactly the fees; each
    /// buyer received exactly the units it bought, and the seller got back exactly the open part of its
    /// sell listings, which expired at the close.
    /// </summary>
    public async Task<List<string>> CheckSettlementAsync(string connectionString, LedgerStore store, HttpClient http,
        IReadOnlyDictionary<long, Position> before, int settledTrades)
    {
        var problems = new List<string>();
        var instrument = $"project_code = '{ProjectCode}' AND vintage = {Vintage}";
        var unsettled = await ScalarAsync(connectionString, $"SELECT COUNT(*) FROM exchange_trades WHERE settled_at IS NULL AND {instrument}");
        var settled = await ScalarAsync(connectionString, $"SELECT COUNT(*) FROM exchange_trades WHERE settled_at IS NOT NULL AND {instrument}");
        if (unsettled != 0) problems.Add($"{unsettled} trades are still unsettled after the settlement.");
        if (settled != Trades || settledTrades != Trades)
            problems.Add($"{settled} trades settled in the store, {settledTrades} in the settlement's answer; the clients were told of {Trades}.");
        var after = await PositionsAsync(connectionString, store, http);
        foreach (var (participant, was) in before)
        {
            var now = after[participant];
            if (participant == FeeAccount)
            {
                var fees = await ScalarAsync(connectionString, $"SELECT COALESCE(SUM(buyer_fee_fen + seller_fee_fen), 0) FROM exchange_trades WHERE {instrument}");
                if (now.BalanceFen - was.BalanceFen != fees) problems.Add($"the fee account gained {now.BalanceFen - was.BalanceFen} fen, the trades charged {fees}.");
                continue;
            }
            var received = await ScalarAsync(connectionString,
                $"SELECT COALESCE(SUM(turnover_fen - seller_fee_fen), 0) FROM exchange_trades WHERE seller_id = {participant} AND {instrument}");
            var paid = await ScalarAsync(connectionString,
                $"SELECT COALESCE(SUM(turnover_fen + buyer_fee_fen), 0) FROM exchange_trades WHERE buyer_id = {participant} AND {instrument}");
            var bought = await ScalarAsync(connectionString, $"SELECT COALESCE(SUM(quantity), 0) FROM exchange_trades WHERE buyer_id = {participant} AND {instrument}");
            if (now.BalanceFen - was.BalanceFen != received - paid)
                problems.Add($"participant {participant}: cash moved by {now.BalanceFen - was.BalanceFen} fen, its trades by {received} received - {paid} paid.");
            if (now.AvailableTonnes - was.AvailableTonnes != bought + was.OpenSellTonnes)
                problems.Add($"participant {participant}: available units moved by {now.AvailableTonnes - was.AvailableTonnes} t, " +
                    $"expected {bought} t bought + {was.OpenSellTonnes} t of expired sell listings.");
            if (now.OpenSellTonnes != 0) problems.Add($"participant {participant} still has {now.OpenSellTonnes} t listed for sale after the close.");
        }
        return problems;
    }
}
