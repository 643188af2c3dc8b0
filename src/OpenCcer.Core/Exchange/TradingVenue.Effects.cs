namespace OpenCcer.Core.Exchange;

public sealed partial class TradingVenue
{
    /// <summary>
    /// Turns a market's events into cash holds and unit effects. Every reservation event holds funds or
    /// units under its order's key; every trade moves the buyer's cost to a hold of its own and records
    /// where the seller's units wait; every release gives back exactly what the event says.
    /// </summary>
    private void Apply(Registry.Instrument instrument, IReadOnlyList<ExchangeEvent> events, List<UnitEffect> effects)
    {
        string Order(OrderId id) => UnitKeys.Order(instrument, id);

        void Reserve(OrderId id, ParticipantId participant, Primitives.Tonnes units, Money funds)
        {
            if (units.IsPositive)
            {
                effects.Add(new ReserveUnitsFor(Order(id), participant, instrument, units));
            }

            Cash.Hold(participant, Order(id), funds);
        }

        void Release(OrderId id, Primitives.Tonnes units, Money funds)
        {
            if (units.IsPositive)
            {
                effects.Add(new ReleaseUnitsOf(Order(id), units));
            }

            Cash.Release(Order(id), funds);
        }

        // A trade: the buyer's cost comes from its order's hold (or fresh cash when it had none), the
        // seller's units stay in its order's reservation (or are reserved now when it had none).
        // A trade against a standing order (a listing, a proposal): the order funds the leg of its side,
        // and what it held beyond the trade goes back.
        void TradeAgainst(Trade trade, OrderId standing, bool standingSells, Money fundsReleased)
        {
            Trade(trade, standingSells ? null : standing, standingSells ? standing : null);
            Cash.Release(Order(standing), fundsReleased);
        }

        void Trade(Trade trade, OrderId? buyerOrder, OrderId? sellerOrder)
        {
            var tradeKey = UnitKeys.Trade(instrument, trade.Id);
            var cost = trade.Turnover + trade.BuyerFee;
            if (buyerOrder is { } b)
            {
                Cash.MoveHold(Order(b), tradeKey, cost);
            }
            else
            {
                Cash.Hold(trade.BuyerId, tradeKey, cost);
            }

            if (sellerOrder is null)
            {
                effects.Add(new ReserveUnitsFor(tradeKey, trade.SellerId, instrument, trade.Quantity));
            }

            _pending.Add(new PendingTrade(trade, sellerOrder is { } s ? Order(s) : tradeKey, tradeKey));
        }

        foreach (var e in events)
        {
            switch (e)
            {
                case ListingPosted p:
                    Reserve(p.Listing, p.Participant, p.UnitsReserved, p.FundsReserved);
                    break;
                case ListingTaken t:
                    TradeAgainst(t.Trade, t.Listing, standingSells: t.Taker == t.Trade.BuyerId, t.FundsReleased);
                    break;
                case ListingCancelled x:
                    Release(x.Listing, x.UnitsReleased, x.FundsReleased);
                    break;
                case ListingExpired x:
                    Release(x.Listing, x.UnitsReleased, x.FundsReleased);
                    break;
                case BulkProposed p:
                    _proposers[(instrument, p.Proposal.Value)] = p.Proposer;
                    Reserve(p.Proposal, p.Proposer, p.UnitsReserved, p.FundsReserved);
                    break;
                case BulkConfirmed c:
                    TradeAgainst(c.Trade, c.Proposal, standingSells: _proposers[(instrument, c.Proposal.Value)] == c.Trade.SellerId, c.FundsReleased);
                    _proposers.Remove((instrument, c.Proposal.Value));
                    break;
                case BulkDeclined d:
                    Release(d.Proposal, d.UnitsReleased, d.FundsReleased);
                    _proposers.Remove((instrument, d.Proposal.Value));
                    break;
                case BulkExpired x:
                    Release(x.Proposal, x.UnitsReleased, x.FundsReleased);
                    _proposers.Remove((instrument, x.Proposal.Value));
                    break;
                case BiddingAnnounced a:
                    _biddingSides[(instrument, a.Bidding.Value)] = a.InitiatorSide;
                    Reserve(a.Bidding, a.Initiator, a.UnitsReserved, a.FundsReserved);
                    break;
                case BidPlaced b:
                    Reserve(b.Bid, b.Bidder, b.UnitsReserved, b.FundsReserved);
                    break;
                case BidAllocated a:
                    if (a.Trade is { } trade)
                    {
                        var initiatorSells = _biddingSides[(instrument, a.Bidding.Value)] == Side.Sell;
                        Trade(trade, initiatorSells ? a.Bid : a.Bidding, initiatorSells ? a.Bidding : a.Bid);
                    }

                    Release(a.Bid, a.UnitsReleased, a.FundsReleased);
                    break;
                case BiddingClosed c:
                    Release(c.Bidding, c.UnitsReleased, c.FundsReleased);
                    _biddingSides.Remove((instrument, c.Bidding.Value));
                    break;
            }
        }
    }
}
