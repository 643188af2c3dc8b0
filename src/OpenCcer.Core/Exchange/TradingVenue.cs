using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OpenCcer.Core.Primitives;
using OpenCcer.Core.Registry;

namespace OpenCcer.Core.Exchange;

/// <summary>
/// The whole exchange as one deterministic state machine: the listed instruments with their markets,
/// the cash book and the trades awaiting settlement. Pure and single-threaded: the shell supplies units
/// positions from the registry and applies the <see cref="UnitEffect"/>s of each result to it, in the same
/// database transaction as the journal row of the command. Replaying the journaled commands at their
/// instants rebuilds the same state (<see cref="StateHash"/>).
/// </summary>
public sealed partial class TradingVenue
{
    private readonly MarketClock _clock;
    private readonly MarketRules _rules;
    private readonly Dictionary<Instrument, (ListedInstrument Info, Market Market)> _markets = [];
    private readonly List<Instrument> _listingOrder = [];
    private readonly List<PendingTrade> _pending = [];

    // Who holds an open bulk proposal and which side a bidding's initiator is on: the events of a
    // confirmation or an allocation name the order, not its owner's side.
    private readonly Dictionary<(Instrument, long), ParticipantId> _proposers = [];
    private readonly Dictionary<(Instrument, long), Side> _biddingSides = [];

    public TradingVenue(MarketClock clock, MarketRules? rules = null)
    {
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _rules = rules ?? MarketRules.Default;
    }

    public MarketClock Clock => _clock;

    public MarketRules Rules => _rules;

    public CashBook Cash { get; } = new();

    /// <summary>Listed instruments in listing order.</summary>
    public IReadOnlyList<ListedInstrument> Instruments => _listingOrder.Select(i => _markets[i].Info).ToArray();

    /// <summary>Trades awaiting settlement, in the order they were made.</summary>
    public IReadOnlyList<PendingTrade> Pending => _pending;

    public bool TryGetMarket(Instrument instrument, out Market market, out ListedInstrument info)
    {
        if (_markets.TryGetValue(instrument, out var entry))
        {
            (info, market) = entry;
            return true;
        }

        (market, info) = (null!, null!);
        return false;
    }

    /// <summary>Runs one command at <paramref name="at"/>. A refusal changes nothing but a market's day roll before it.</summary>
    public VenueResult Execute(VenueCommand command, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(command);
        return command switch
        {
            ListInstrument c => List(c, at),
            ToMarket c => ToMarket(c, at),
            DepositCash c => Done(Cash.Deposit(c.Participant, c.Amount, c.BankReference, at)),
            WithdrawCash c => Done(Cash.Withdraw(c.Participant, c.Amount, c.BankReference, at)),
            CloseMarkets => CloseAll(at, new List<ExchangeEvent>(), new List<UnitEffect>(), VenueStatus.Ok),
            SettleTrades c => Settle(c, at),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name),
        };
    }

    private static VenueResult Done(VenueStatus status) => new(status, ExchangeStatus.Ok, [], [], []);

    private VenueResult List(ListInstrument c, DateTimeOffset at)
    {
        if (_markets.ContainsKey(c.Instrument))
        {
            return Done(VenueStatus.Ok);
        }

        if (!c.InitialPrice.IsPositive || c.InitialPrice.Fen % _rules.Listing.PriceTickFen != 0)
        {
            return Done(VenueStatus.InitialPriceInvalid);
        }

        var info = new ListedInstrument(c.Instrument, c.ListedBy, c.InitialPrice, at, NextTradingDay(ChinaClock.DateOf(at)));
        _markets.Add(c.Instrument, (info, new Market(c.Instrument, c.InitialPrice, _clock, _rules)));
        _listingOrder.Add(c.Instrument);
        return Done(VenueStatus.Ok);
    }

    /// <summary>The first trading day after <paramref name="date"/>; the next calendar day when the calendar does not say.</summary>
    public DateOnly NextTradingDay(DateOnly date)
    {
        for (var day = date.AddDays(1); day <= date.AddDays(366); day = day.AddDays(1))
        {
            if (_clock.TryIsTradingDay(day, out var known) || !known)
            {
                return day;
            }
        }

        return date.AddDays(1);
    }

    private VenueResult ToMarket(ToMarket c, DateTimeOffset at)
    {
        if (!_markets.TryGetValue(c.Instrument, out var entry))
        {
            return Done(VenueStatus.InstrumentNotListed);
        }

        var operatorCommand = c.Command is SuspendInstrument or ResumeInstrument or RestrictSubject or LiftSubjectRestriction or CloseDay;
        if (!operatorCommand && ChinaClock.DateOf(at) < entry.Info.TradableFrom)
        {
            return Done(VenueStatus.InstrumentNotYetTradable);
        }

        var result = entry.Market.Execute(WithFunds(c.Command), at);
        var effects = new List<UnitEffect>();
        Apply(c.Instrument, result.Events, effects);
        return new VenueResult(result.IsOk ? VenueStatus.Ok : VenueStatus.MarketRefused, result.Status, result.Events, effects, []);
    }

    /// <summary>The command with the cash book's available funds of its acting participant.</summary>
    private MarketCommand WithFunds(MarketCommand command)
    {
        ParticipantPosition Funds(ParticipantId participant, ParticipantPosition position) =>
            position with { AvailableFunds = Cash.Available(participant) };

        return command switch
        {
            PostListing c => c with { Position = Funds(c.Participant, c.Position) },
            TakeListing c => c with { Position = Funds(c.Taker, c.Position) },
            TakeBestListing c => c with { Position = Funds(c.Taker, c.Position) },
            ProposeBulk c => c with { Position = Funds(c.Proposer, c.Position) },
            ConfirmBulk c => c with { Position = Funds(c.Counterparty, c.Position) },
            AnnounceBidding c => c with { Position = Funds(c.Initiator, c.Position) },
            PlaceBid c => c with { Position = Funds(c.Bidder, c.Position) },
            _ => command,
        };
    }

    private VenueResult CloseAll(DateTimeOffset at, List<ExchangeEvent> events, List<UnitEffect> effects, VenueStatus status)
    {
        foreach (var instrument in _listingOrder)
        {
            var result = _markets[instrument].Market.Execute(new CloseDay(), at);
            Apply(instrument, result.Events, effects);
            events.AddRange(result.Events);
        }

        return new VenueResult(status, ExchangeStatus.Ok, events, effects, []);
    }

    private VenueResult Settle(SettleTrades c, DateTimeOffset at)
    {
        if (at < _clock.CloseOf(c.Date))
        {
            return Done(VenueStatus.SettlementTooEarly);
        }

        var events = new List<ExchangeEvent>();
        var effects = new List<UnitEffect>();
        CloseAll(at, events, effects, VenueStatus.Ok);
        var settled = _pending.Where(p => p.Date <= c.Date).ToArray();
        foreach (var p in settled)
        {
            var trade = p.Trade;
            Cash.SettleTrade(trade, p.BuyerFunds, $"{trade.Instrument} trade {trade.Id}", at);
            effects.Add(new DeliverUnitsOf(p.SellerUnits, trade.BuyerId, trade.Quantity));
        }

        _pending.RemoveAll(p => p.Date <= c.Date);
        return new VenueResult(VenueStatus.Ok, ExchangeStatus.Ok, events, effects, settled);
    }

    /// <summary>
    /// SHA-256 of the whole venue: every market's <see cref="Market.StateHash"/>, instruments, cash
    /// accounts and holds, and the unsettled trades. A replay must reproduce it.
    /// </summary>
    public string StateHash()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(FormattableString text) => hash.AppendData(Encoding.UTF8.GetBytes(text.ToString(CultureInfo.InvariantCulture) + "\n"));

        foreach (var instrument in _listingOrder)
        {
            var (info, market) = _markets[instrument];
            Add($"I|{instrument}|{info.ListedBy}|{info.InitialPrice.Fen}|{info.ListedAt:O}|{info.TradableFrom:O}|{market.StateHash()}");
        }

        foreach (var account in Cash.Accounts)
        {
            Add($"A|{account.Participant}|{account.Balance.Fen}|{account.Held.Fen}");
        }

        Add($"N|{Cash.NetDeposits.Fen}|{Cash.HoldCount}");
        foreach (var p in _pending)
        {
            Add($"P|{p.Trade.Instrument}|{p.Trade.Id}|{p.Trade.BuyerId}|{p.Trade.SellerId}|{p.Trade.Price.Fen}|{p.Trade.Quantity.Value}|{p.SellerUnits}|{p.BuyerFunds}");
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
