using OpenCcer.Core.Primitives;
using OpenCcer.Core.Registry;

namespace OpenCcer.Core.Exchange;

/// <summary>
/// Bulk agreements (大宗协议, T 14, 16) of one instrument: a participant proposes a trade to a named
/// counterparty, who confirms (one trade at the proposed price and quantity) or declines. Price within
/// ±30% of the base price, quantity at least the minimum, only in the bulk sessions (default the
/// afternoon, 13:00-15:00). The proposer's side is reserved from the proposal on; unanswered proposals
/// expire at the close. Either party may decline (for the proposer it is a withdrawal).
/// </summary>
public sealed class BulkAgreementDesk
{
    private readonly MarketClock _clock;
    private readonly BulkRules _rules;
    private readonly ListingRules _ticks;
    private readonly FeeSchedule _fees;
    private readonly SortedDictionary<long, BulkProposal> _open = [];

    public BulkAgreementDesk(Instrument instrument, PricePerTonne basePrice, MarketClock clock, BulkRules? rules = null, ListingRules? ticks = null, FeeSchedule? fees = null)
    {
        Instrument = instrument;
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _rules = rules ?? BulkRules.Default;
        _ticks = ticks ?? ListingRules.Default;
        _fees = fees ?? FeeSchedule.Default;
        StartDay(basePrice);
    }

    public Instrument Instrument { get; }

    public PriceBand Band { get; private set; }

    public Reservations Reservations { get; } = new();

    /// <summary>Open proposals in id order.</summary>
    public IReadOnlyCollection<BulkProposal> Open => _open.Values;

    public void StartDay(PricePerTonne basePrice)
    {
        if (_open.Count != 0)
        {
            throw new InvalidOperationException("A trading day starts without open proposals.");
        }

        Band = PriceBand.Around(basePrice, _rules.PriceLimitBasisPoints);
    }

    public bool TryGet(OrderId proposal, out BulkProposal? found) => _open.TryGetValue(proposal.Value, out found);

    /// <summary>
    /// Proposes a trade. Checks, in order: bulk session, side, counterparty not the proposer
    /// (<see cref="ExchangeStatus.SelfTake"/>), price (positive, tick, ±30% band), quantity (positive, tick,
    /// at most the maximum, then at least the minimum), open proposals per participant, proposer's units or funds.
    /// </summary>
    public ExchangeStatus Propose(OrderId id, ParticipantId proposer, ParticipantId counterparty, Side proposerSide,
        PricePerTonne price, Tonnes quantity, ParticipantPosition position, DateTimeOffset at, List<ExchangeEvent> events)
    {
        var status = ListingChecks.Session(_clock.BulkStatusAt(at));
        if (status == ExchangeStatus.Ok && !ListingChecks.SideValid(proposerSide))
        {
            status = ExchangeStatus.SideInvalid;
        }

        if (status == ExchangeStatus.Ok && proposer == counterparty)
        {
            status = ExchangeStatus.SelfTake;
        }

        if (status == ExchangeStatus.Ok)
        {
            status = ListingChecks.Price(price, Band, _ticks.PriceTickFen);
        }

        if (status == ExchangeStatus.Ok)
        {
            status = !quantity.IsPositive || quantity.Value % _ticks.QuantityTickTonnes != 0 || quantity.Value > _rules.QuantityMaxTonnes
                ? ExchangeStatus.QuantityInvalid
                : quantity.Value < _rules.QuantityMinTonnes ? ExchangeStatus.QuantityBelowBulkMinimum : ExchangeStatus.Ok;
        }

        if (status == ExchangeStatus.Ok && _open.Values.Count(p => p.Proposer == proposer) >= _rules.OpenProposalsPerParticipantMax)
        {
            status = ExchangeStatus.TooManyOpenListings;
        }

        var fundsPerTonne = proposerSide == Side.Buy ? _fees.ReservedFundsPerTonne(price) : Money.Zero;
        if (status == ExchangeStatus.Ok)
        {
            status = ListingChecks.Cover(proposerSide, quantity, fundsPerTonne, position);
        }

        if (status != ExchangeStatus.Ok)
        {
            return status;
        }

        _open.Add(id.Value, new BulkProposal(id, proposer, counterparty, proposerSide, price, quantity, at));
        var reservation = Reservations.Add(id, proposer, proposerSide, quantity, fundsPerTonne);
        events.Add(new BulkProposed(at, id, proposer, counterparty, proposerSide, price, quantity, reservation.Units, reservation.Funds));
        return ExchangeStatus.Ok;
    }

    /// <summary>
    /// The named counterparty confirms: bulk session, proposal open, confirmer is the counterparty, then
    /// the counterparty's funds (price and fee) or units. Makes one trade named <paramref name="tradeId"/>.
    /// </summary>
    public ExchangeStatus Confirm(OrderId proposal, ParticipantId counterparty, ParticipantPosition position, TradeId tradeId,
        DateTimeOffset at, List<ExchangeEvent> events, out Trade? trade)
    {
        trade = null;
        var status = ListingChecks.Session(_clock.BulkStatusAt(at));
        if (status != ExchangeStatus.Ok)
        {
            return status;
        }

        if (!_open.TryGetValue(proposal.Value, out var open))
        {
            return ExchangeStatus.ProposalNotFound;
        }

        if (open.Counterparty != counterparty)
        {
            return ExchangeStatus.NotCounterparty;
        }

        var turnover = open.Price.Times(open.Quantity);
        var fee = _fees.TradingFee(turnover);
        var counterpartyBuys = open.ProposerSide == Side.Sell;
        if (counterpartyBuys ? turnover + fee > position.AvailableFunds : open.Quantity > position.AvailableUnits)
        {
            return counterpartyBuys ? ExchangeStatus.InsufficientFunds : ExchangeStatus.InsufficientUnits;
        }

        _open.Remove(proposal.Value);
        var consumed = Reservations.Consume(proposal, open.Quantity);
        trade = new Trade(tradeId, Instrument, counterpartyBuys ? counterparty : open.Proposer, counterpartyBuys ? open.Proposer : counterparty,
            open.Price, open.Quantity, at, TradeMethod.BulkAgreement, fee, fee);
        events.Add(new BulkConfirmed(at, proposal, counterpartyBuys ? Money.Zero : consumed - turnover - fee, trade));
        return ExchangeStatus.Ok;
    }

    /// <summary>The counterparty declines, or the proposer withdraws; at any time while open.</summary>
    public ExchangeStatus Decline(OrderId proposal, ParticipantId participant, DateTimeOffset at, List<ExchangeEvent> events)
    {
        if (!_open.TryGetValue(proposal.Value, out var open))
        {
            return ExchangeStatus.ProposalNotFound;
        }

        if (participant != open.Counterparty && participant != open.Proposer)
        {
            return ExchangeStatus.NotCounterparty;
        }

        _open.Remove(proposal.Value);
        var reservation = Reservations.Release(proposal);
        events.Add(new BulkDeclined(at, proposal, reservation.Units, reservation.Funds));
        return ExchangeStatus.Ok;
    }

    /// <summary>Expires every open proposal at the close, in id order.</summary>
    public int ExpireAll(DateTimeOffset at, List<ExchangeEvent> events)
    {
        var count = _open.Count;
        foreach (var proposal in _open.Values)
        {
            var reservation = Reservations.Release(proposal.Id);
            events.Add(new BulkExpired(at, proposal.Id, reservation.Units, reservation.Funds));
        }

        _open.Clear();
        return count;
    }

    /// <summary>Open quantity a participant proposed on one side.</summary>
    public Tonnes OpenQuantityOf(ParticipantId participant, Side side) =>
        new(_open.Values.Where(p => p.Proposer == participant && p.ProposerSide == side).Sum(p => p.Quantity.Value));

    public IReadOnlyList<string> CheckInvariants() =>
        _open.Values
            .Where(p => !Reservations.TryGet(p.Id, out var r) || r.Quantity != p.Quantity)
            .Select(p => $"proposal {p.Id}: reservation differs from its quantity")
            .Concat(Reservations.Count == _open.Count ? [] : [$"{_open.Count} proposals, {Reservations.Count} reservations"])
            .ToList();
}
