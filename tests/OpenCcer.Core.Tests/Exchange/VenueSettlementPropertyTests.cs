using System.Globalization;
using OpenCcer.Core.Exchange;
using OpenCcer.Core.Primitives;
using OpenCcer.Core.Registry;
using Xunit.Abstractions;

namespace OpenCcer.Core.Tests.Exchange;

/// <summary>
/// The whole venue against an in-memory registry ledger over many random commands (listings, takes,
/// cancels, deposits, withdrawals, daily settlement). Every tenth command and after every settlement: the cash
/// book and every market keep their invariants, the registry's exchange reservations hold exactly the units of open sell orders
/// and unsettled sales, and held cash is exactly open buy reservations plus unsettled purchases. After
/// every settlement: units and funds are conserved, and each subject's units and cash equal its start
/// plus what it bought and sold. The seed is printed; <c>OPENCCER_SEED</c> replays a run.
/// </summary>
public sealed class VenueSettlementPropertyTests(ITestOutputHelper output)
{
    private const int Steps = 100_000;
    private const int Subjects = 6;
    private const long UnitsEach = 1_000_000;
    private static readonly Instrument[] Instruments = [new("SD-OW-0001", 2024), new("FJ-MG-0004", 2023)];

    [Fact]
    public void settlement_conserves_units_and_funds_and_every_hold_matches_what_is_open()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("OPENCCER_SEED");
        var seed = fromEnvironment is not null ? int.Parse(fromEnvironment, CultureInfo.InvariantCulture) : Random.Shared.Next();
        output.WriteLine($"seed {seed} (replay with OPENCCER_SEED={seed})");
        var random = new Random(seed);
        var rules = MarketRules.Default with { Risk = RiskLimits.Default with { OppositeTradeTradingDays = 0, CancelPatternCount = 0 } };
        var venue = new TradingVenue(MarketClock.AlwaysOpenDemo(), rules);
        var ledger = new Ledger();
        var at = new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);
        var participants = new List<ParticipantId>();
        for (var s = 0; s < Subjects; s++)
        {
            var opened = (AccountOpened)ledger.Execute(new OpenAccount($"S{s}", $"Subject {s}", HolderType.OtherTradingSubject), at).Event!;
            foreach (var instrument in Instruments)
            {
                Assert.True(ledger.Execute(new IssueUnits($"MR-{s}-{instrument}", instrument, UnitsEach, opened.RegistryAccount), at).IsOk);
                Assert.True(ledger.Execute(new TransferUnits(opened.RegistryAccount, opened.TradingAccount, instrument, UnitsEach / 2,
                    TransferReason.ToTrading, null), at).IsOk);
            }

            participants.Add(new ParticipantId(opened.TradingAccount.Value));
        }

        var bridge = new LedgerBridge(ledger);
        foreach (var instrument in Instruments)
        {
            Assert.True(venue.Execute(new ListInstrument(instrument, participants[0], new PricePerTonne(5_000)), at).IsOk);
        }

        at = at.AddDays(1);
        var expectedUnits = participants.ToDictionary(p => p, _ => Instruments.ToDictionary(i => i, _ => UnitsEach));
        var expectedCash = participants.Append(CashBook.FeeAccount).ToDictionary(p => p, _ => 0L);
        var nextOrder = 1L;
        var settlements = 0;
        var trades = 0;

        VenueResult Run(VenueCommand command)
        {
            var result = venue.Execute(command, at);
            foreach (var effect in result.UnitEffects)
            {
                bridge.Execute(ledger, effect, at);
            }

            foreach (var settled in result.Settled)
            {
                var t = settled.Trade;
                expectedUnits[t.BuyerId][t.Instrument] += t.Quantity.Value;
                expectedUnits[t.SellerId][t.Instrument] -= t.Quantity.Value;
                expectedCash[t.BuyerId] -= (t.Turnover + t.BuyerFee).Fen;
                expectedCash[t.SellerId] += (t.Turnover - t.SellerFee).Fen;
                expectedCash[CashBook.FeeAccount] += (t.BuyerFee + t.SellerFee).Fen;
                trades++;
            }

            return result;
        }

        for (var step = 0; step < Steps; step++)
        {
            var context = $"seed {seed}, step {step}";
            at = at.AddSeconds(random.Next(1, 4));
            var who = participants[random.Next(participants.Count)];
            var instrument = Instruments[random.Next(Instruments.Length)];
            var position = LedgerBridge.Position(ledger, who, instrument);
            var roll = random.Next(100);
            if (roll < 4)
            {
                var amount = new Money(random.Next(1, 5_000_000));
                if (Run(new DepositCash(who, amount, $"bank-{step}")).IsOk)
                {
                    expectedCash[who] += amount.Fen;
                }
            }
            else if (roll < 6)
            {
                var amount = new Money(random.Next(1, 2_000_000));
                if (Run(new WithdrawCash(who, amount, $"bank-{step}")).IsOk)
                {
                    expectedCash[who] -= amount.Fen;
                }
            }
            else if (roll < 45)
            {
                var market = Market(venue, instrument);
                var price = new PricePerTonne(market.BasePrice.Fen + random.Next(-400, 401));
                var side = random.Next(2) == 0 ? Side.Buy : Side.Sell;
                Run(new ToMarket(instrument, new PostListing(new OrderId(nextOrder++), who, side, price, new Tonnes(random.Next(1, 500)), position)));
            }
            else if (roll < 85)
            {
                var side = random.Next(2) == 0 ? Side.Buy : Side.Sell;
                Run(new ToMarket(instrument, new TakeBestListing(side, who, new Tonnes(random.Next(1, 700)), position)));
            }
            else if (roll < 99)
            {
                var open = Market(venue, instrument).Listings.Listings(random.Next(2) == 0 ? Side.Buy : Side.Sell);
                if (open.Count > 0)
                {
                    var listing = open[random.Next(open.Count)];
                    Run(new ToMarket(instrument, new CancelListing(listing.Id, listing.Participant)));
                }
            }
            else
            {
                // Next day: settle the day before, then check conservation.
                var date = ChinaClock.DateOf(at);
                at = new DateTimeOffset(date.AddDays(1).ToDateTime(new TimeOnly(0, 0, 1)), ChinaClock.Offset);
                Assert.True(Run(new SettleTrades(date)).IsOk, context);
                settlements++;
                CheckSettled(venue, ledger, participants, expectedUnits, expectedCash, context);
            }

            if (step % 10 == 0 || roll >= 99)
            {
                CheckHolds(venue, ledger, context);
            }
        }

        var last = ChinaClock.DateOf(at);
        at = new DateTimeOffset(last.AddDays(1).ToDateTime(new TimeOnly(0, 0, 1)), ChinaClock.Offset);
        Assert.True(Run(new SettleTrades(last)).IsOk);
        CheckSettled(venue, ledger, participants, expectedUnits, expectedCash, "final");
        Assert.Empty(venue.Pending);
        Assert.Equal(0, venue.Cash.HoldCount);
        Assert.DoesNotContain(ledger.Reservations, r => r.Remaining > 0);
        output.WriteLine($"{settlements} settlements, {trades} trades settled");
        Assert.True(trades > 1_000, $"only {trades} trades: the generator no longer exercises settlement");
    }

    private static Market Market(TradingVenue venue, Instrument instrument)
    {
        Assert.True(venue.TryGetMarket(instrument, out var market, out _));
        return market;
    }

    private static void CheckHolds(TradingVenue venue, Ledger ledger, string context)
    {
        Assert.Empty(venue.Cash.CheckInvariants());
        var unitsHeld = new Dictionary<Instrument, long>();
        var fundsHeld = 0L;
        foreach (var listed in venue.Instruments)
        {
            var market = Market(venue, listed.Instrument);
            Assert.Empty(market.CheckInvariants());
            var reservations = market.Listings.Reservations.All;
            unitsHeld[listed.Instrument] = reservations.Sum(r => r.Units.Value);
            fundsHeld += reservations.Sum(r => r.Funds.Fen);
        }

        foreach (var p in venue.Pending)
        {
            unitsHeld[p.Trade.Instrument] += p.Trade.Quantity.Value;
            fundsHeld += (p.Trade.Turnover + p.Trade.BuyerFee).Fen;
        }

        foreach (var (instrument, units) in unitsHeld)
        {
            // Only the exchange reserves units in this run, so every reserved unit is an exchange hold.
            var reserved = ledger.Holdings.Where(h => h.Instrument == instrument).Sum(h => h.Reserved);
            Assert.True(units == reserved, $"{context}: {instrument} exchange holds {units} t, registry reserves {reserved} t");
        }

        var held = venue.Cash.Accounts.Sum(a => a.Held.Fen);
        Assert.True(fundsHeld == held, $"{context}: orders and trades hold {fundsHeld} fen, cash book {held} fen");
    }

    private static void CheckSettled(TradingVenue venue, Ledger ledger, List<ParticipantId> participants,
        Dictionary<ParticipantId, Dictionary<Instrument, long>> expectedUnits, Dictionary<ParticipantId, long> expectedCash, string context)
    {
        foreach (var instrument in Instruments)
        {
            var total = 0L;
            foreach (var p in participants)
            {
                var trading = LedgerBridge.TradingAccount(ledger, p)!;
                var units = new[] { trading.Id, trading.Pair }.Sum(a => ledger.FindHolding(a, instrument) is { } h ? h.Available + h.Reserved : 0);
                Assert.True(expectedUnits[p][instrument] == units, $"{context}: {p} holds {units} t of {instrument}, expected {expectedUnits[p][instrument]} t");
                total += units;
            }

            Assert.Equal(Subjects * UnitsEach, total);
        }

        foreach (var (p, cash) in expectedCash)
        {
            Assert.True(cash == venue.Cash.Account(p).Balance.Fen, $"{context}: {p} has {venue.Cash.Account(p).Balance}, expected {cash} fen");
        }

        Assert.Equal(venue.Cash.NetDeposits.Fen, venue.Cash.Accounts.Sum(a => a.Balance.Fen));
    }
}
