using OpenCcer.Core.Exchange;
using OpenCcer.Core.Primitives;
using OpenCcer.Core.Registry;

namespace OpenCcer.Storage.Exchange;

/// <summary>
/// A little demo market so the explorer has something to show: CGN Shanwei lists its 2024 wind units
/// (listed on a past date, so they trade today), posts two sell listings, and Shanghai Green Capital
/// deposits cash and posts a buy listing. Fixed operation ids: seeding twice changes nothing. Listings
/// the market refuses (outside a session on the standard clock) are skipped, not errors.
/// </summary>
public static class ExchangeDemoSeed
{
    public static readonly Instrument Instrument = new("GD-OW-0002", 2024);
    public const string Seller = "91440000MA4CGN0006";
    public const string Buyer = "91310000MA03TRAD04";
    private static readonly DateTimeOffset ListedAt = new(2026, 1, 5, 2, 0, 0, TimeSpan.Zero);

    /// <summary>Runs the seed; returns how many operations were new.</summary>
    public static async Task<int> RunAsync(ExchangeEngine exchange, ISettlementBank bank, CancellationToken ct = default)
    {
        var applied = 0;
        void Count(ExchangeOutcome o, string step)
        {
            if (o.IdempotencyConflict) throw new InvalidOperationException($"Exchange demo seed step {step} conflicts with an earlier operation.");
            if (o.IsOk && !o.Replayed) applied++;
        }

        var listing = await exchange.ExecuteAsync("seed-exchange-list", "seed-exchange-list", c =>
        {
            if (c.ParticipantOf(Seller) is not { } seller) return ExchangeStep.Refuse(VenueStatus.NoTradingAccount);
            var account = c.Ledger.FindAccount(new AccountId(seller.Value))!;
            return ExchangeStep.Run(new ListInstrument(Instrument, seller, new PricePerTonne(58_00)),
                new TransferUnits(account.Pair, account.Id, Instrument, 1_000, TransferReason.ToTrading, null));
        }, ct, at: ListedAt);
        Count(listing, "list");
        if (!listing.IsOk) return applied;

        var buyer = await ExchangeCallParticipantAsync(exchange, Buyer, ct);
        if (buyer is { } b) Count(await DepositAsync(exchange, bank, b, new Money(500_000_00), ct), "deposit");
        Count(await PostAsync(exchange, "seed-exchange-sell-1", Seller, Side.Sell, 58_50, 2_000, ct), "sell-1");
        Count(await PostAsync(exchange, "seed-exchange-sell-2", Seller, Side.Sell, 59_00, 1_500, ct), "sell-2");
        Count(await PostAsync(exchange, "seed-exchange-buy-1", Buyer, Side.Buy, 57_50, 1_000, ct), "buy-1");
        return applied;
    }

    /// <summary>The buyer's deposit, credited once the bank confirms it (the order a deposit always takes).</summary>
    private static async Task<ExchangeOutcome> DepositAsync(ExchangeEngine exchange, ISettlementBank bank, ParticipantId buyer, Money amount,
        CancellationToken ct)
    {
        const string id = "seed-exchange-deposit";
        var receipt = await bank.ConfirmDepositAsync(buyer, amount, id, ct);
        if (!receipt.Accepted) return ExchangeOutcome.Refused(VenueStatus.BankRefused);
        return await exchange.ExecuteAsync(id, id, _ => ExchangeStep.Run(new DepositCash(buyer, amount, receipt.Reference)), ct);
    }

    private static Task<ExchangeOutcome> PostAsync(ExchangeEngine exchange, string id, string subject, Side side, long priceFen, long tonnes,
        CancellationToken ct) =>
        exchange.ExecuteAsync(id, id, c => c.ParticipantOf(subject) is { } me
            ? ExchangeStep.Run(new ToMarket(Instrument, new PostListing(new OrderId(c.Sequence), me, side, new PricePerTonne(priceFen), new Tonnes(tonnes),
                c.Position(me, Instrument))))
            : ExchangeStep.Refuse(VenueStatus.NoTradingAccount), ct);

    private static async Task<ParticipantId?> ExchangeCallParticipantAsync(ExchangeEngine exchange, string subject, CancellationToken ct) =>
        (await exchange.Store.Registry.AccountsOfSubjectAsync(subject, ct)).FirstOrDefault(a => a.Kind == (int)AccountKind.Trading) is { } trading
            ? new ParticipantId(trading.Id)
            : null;
}
