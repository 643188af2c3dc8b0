using OpenCcer.Core.Primitives;

namespace OpenCcer.Core.Exchange;

public sealed partial class Market
{
    private ExchangeStatus PostListing(PostListing c, DateTimeOffset at, List<ExchangeEvent> events)
    {
        var status = NewId(c.Id);
        if (status == ExchangeStatus.Ok)
        {
            status = Risk(c.Participant, c.Side, c.Quantity, c.Position, at);
        }

        if (status == ExchangeStatus.Ok)
        {
            status = _book.Post(c.Id, c.Participant, c.Side, c.Price, c.Quantity, c.Position, at, events);
        }

        return Accepted(status, c.Id, c.Participant, c.Position);
    }

    private ExchangeStatus Take(OrderId? listing, Side? bestOf, ParticipantId taker, Tonnes quantity, ParticipantPosition position,
        DateTimeOffset at, List<ExchangeEvent> events)
    {
        var found = listing is { } id ? _book.TryGet(id, out var view) : _book.TryGetBest(bestOf ?? Side.Buy, out view);
        if (found && view.Participant != taker)
        {
            var takerSide = view.Side == Side.Sell ? Side.Buy : Side.Sell;
            var status = Risk(taker, takerSide, quantity < view.Open ? quantity : view.Open, position, at);
            if (status != ExchangeStatus.Ok)
            {
                return status;
            }
        }
        else if (IsSuspended)
        {
            return ExchangeStatus.InstrumentSuspended;
        }

        var trade = new TradeId(_nextTradeId);
        var result = listing is { } target
            ? _book.Take(target, taker, quantity, position, trade, at, events)
            : _book.TakeBest(bestOf ?? Side.Buy, taker, quantity, position, trade, at, events);
        return Accepted(result, null, taker, position);
    }

    private ExchangeStatus CancelListing(CancelListing c, DateTimeOffset at, List<ExchangeEvent> events)
    {
        var status = _book.Cancel(c.Listing, c.Participant, at, events);
        if (status == ExchangeStatus.Ok)
        {
            WatchCancels(c.Participant, at, events);
        }

        return status;
    }

    private ExchangeStatus ProposeBulk(ProposeBulk c, DateTimeOffset at, List<ExchangeEvent> events)
    {
        var status = NewId(c.Id);
        if (status == ExchangeStatus.Ok)
        {
            status = Risk(c.Proposer, c.ProposerSide, c.Quantity, c.Position, at, bulk: true);
        }

        if (status == ExchangeStatus.Ok)
        {
            status = _bulk.Propose(c.Id, c.Proposer, c.Counterparty, c.ProposerSide, c.Price, c.Quantity, c.Position, at, events);
        }

        return Accepted(status, c.Id, c.Proposer, c.Position);
    }

    private ExchangeStatus ConfirmBulk(ConfirmBulk c, DateTimeOffset at, List<ExchangeEvent> events)
    {
        if (_bulk.TryGet(c.Proposal, out var proposal) && proposal!.Counterparty == c.Counterparty)
        {
            var side = proposal.ProposerSide == Side.Sell ? Side.Buy : Side.Sell;
            var status = Risk(c.Counterparty, side, proposal.Quantity, c.Position, at, bulk: true);
            if (status != ExchangeStatus.Ok)
            {
                return status;
            }
        }

        var result = _bulk.Confirm(c.Proposal, c.Counterparty, c.Position, new TradeId(_nextTradeId), at, events, out _);
        return Accepted(result, null, c.Counterparty, c.Position);
    }

    private ExchangeStatus AnnounceBidding(AnnounceBidding c, DateTimeOffset at, List<ExchangeEvent> events)
    {
        var status = NewId(c.Id);
        if (status == ExchangeStatus.Ok)
        {
            status = Risk(c.Initiator, c.InitiatorSide, c.Quantity, c.Position, at);
        }

        if (status == ExchangeStatus.Ok && _biddings.Count >= _rules.Bidding.OpenBiddingsMax)
        {
            status = ExchangeStatus.TooManyOpenListings;
        }

        OneWayBidding? bidding = null;
        if (status == ExchangeStatus.Ok)
        {
            status = OneWayBidding.Announce(c.Id, c.Initiator, c.InitiatorSide, c.Quantity, c.ReservePrice, c.WindowStart, c.WindowEnd,
                c.Pricing ?? _rules.Bidding.DefaultPricing, c.Position, _clock, _rules.Listing, _rules.Bidding, _rules.Fees, at, events, out bidding);
        }

        if (status == ExchangeStatus.Ok)
        {
            _biddings.Add(c.Id.Value, bidding!);
        }

        return Accepted(status, c.Id, c.Initiator, c.Position);
    }

    private ExchangeStatus PlaceBid(PlaceBid c, DateTimeOffset at, List<ExchangeEvent> events)
    {
        var status = NewId(c.Id);
        if (status != ExchangeStatus.Ok)
        {
            return status;
        }

        if (!_biddings.TryGetValue(c.Bidding.Value, out var bidding))
        {
            return ExchangeStatus.BiddingNotFound;
        }

        status = Risk(c.Bidder, bidding.InitiatorSide == Side.Sell ? Side.Buy : Side.Sell, c.Quantity, c.Position, at);
        if (status == ExchangeStatus.Ok)
        {
            status = bidding.PlaceBid(c.Id, c.Bidder, c.Price, c.Quantity, c.Position, _clock, _rules.Listing, at, events);
        }

        return Accepted(status, c.Id, c.Bidder, c.Position);
    }

    private ExchangeStatus CloseBidding(CloseBidding c, DateTimeOffset at, List<ExchangeEvent> events)
    {
        if (!_biddings.TryGetValue(c.Bidding.Value, out var bidding))
        {
            return ExchangeStatus.BiddingNotFound;
        }

        var trades = new List<Trade>();
        var status = bidding.Close(Instrument, new TradeId(_nextTradeId), at, events, trades);
        if (status == ExchangeStatus.Ok)
        {
            _biddings.Remove(c.Bidding.Value);
        }

        return status;
    }

    private ExchangeStatus Suspend(SuspendInstrument c, DateTimeOffset at, List<ExchangeEvent> events)
    {
        if (IsSuspended)
        {
            return ExchangeStatus.InstrumentSuspended;
        }

        _suspendedReason = c.Reason ?? "";
        events.Add(new InstrumentSuspended(at, _suspendedReason));
        return ExchangeStatus.Ok;
    }

    private ExchangeStatus Resume(DateTimeOffset at, List<ExchangeEvent> events)
    {
        if (!IsSuspended)
        {
            return ExchangeStatus.InstrumentNotSuspended;
        }

        _suspendedReason = null;
        events.Add(new InstrumentResumed(at));
        return ExchangeStatus.Ok;
    }

    private ExchangeStatus Restrict(RestrictSubject c, DateTimeOffset at, List<ExchangeEvent> events)
    {
        if (!_restricted.TryAdd(c.Participant.Value, c.Reason ?? ""))
        {
            return ExchangeStatus.SubjectRestricted;
        }

        events.Add(new SubjectRestricted(at, c.Participant, c.Reason ?? ""));
        return ExchangeStatus.Ok;
    }

    private ExchangeStatus Lift(LiftSubjectRestriction c, DateTimeOffset at, List<ExchangeEvent> events)
    {
        if (!_restricted.Remove(c.Participant.Value))
        {
            return ExchangeStatus.SubjectNotRestricted;
        }

        events.Add(new SubjectRestrictionLifted(at, c.Participant));
        return ExchangeStatus.Ok;
    }

    private ExchangeStatus NewId(OrderId id) => id.Value > _lastOrderId ? ExchangeStatus.Ok : ExchangeStatus.OrderIdNotAscending;

    /// <summary>On success: remembers the id and the holding the caller supplied.</summary>
    private ExchangeStatus Accepted(ExchangeStatus status, OrderId? id, ParticipantId participant, ParticipantPosition position)
    {
        if (status == ExchangeStatus.Ok)
        {
            if (id is { } newId)
            {
                _lastOrderId = newId.Value;
            }

            _holding[participant.Value] = position.Holding.Value;
        }

        return status;
    }
}
