using OpenCcer.Core.Primitives;

namespace OpenCcer.Core.Exchange;

public sealed partial class Market
{
    /// <summary>
    /// The checks before any trading command, in order: session (the bulk sessions for bulk agreements),
    /// instrument suspended, subject restricted, the 5-trading-day rule, the position limit (buys only).
    /// </summary>
    private ExchangeStatus Risk(ParticipantId participant, Side side, Tonnes quantity, ParticipantPosition position, DateTimeOffset at, bool bulk = false)
    {
        var session = ListingChecks.Session(bulk ? _clock.BulkStatusAt(at) : _clock.StatusAt(at));
        if (session != ExchangeStatus.Ok)
        {
            return session;
        }

        if (IsSuspended)
        {
            return ExchangeStatus.InstrumentSuspended;
        }

        if (_restricted.ContainsKey(participant.Value))
        {
            return ExchangeStatus.SubjectRestricted;
        }

        if (OppositeTradeTooRecent(participant, side, ChinaClock.DateOf(at)))
        {
            return ExchangeStatus.FiveDayRule;
        }

        if (side == Side.Buy && _rules.Risk.PositionLimitTonnes is { } limit)
        {
            var exposure = position.Holding + _book.OpenQuantityOf(participant, Side.Buy) + _bulk.OpenQuantityOf(participant, Side.Buy) + quantity;
            if (exposure.Value > limit)
            {
                return ExchangeStatus.PositionLimit;
            }
        }

        return ExchangeStatus.Ok;
    }

    /// <summary>
    /// The 5-trading-day rule (T 29). Selling is refused while fewer than N trading days have passed
    /// since the subject's last buy of the instrument (the buy day itself and the next N-1 trading days),
    /// and while the subject has an open buy listing or proposal here, which could still fill; buying
    /// symmetrically. With N = 5, a buy on Monday 3 March 2025 allows a sale again from Monday 10 March.
    /// </summary>
    private bool OppositeTradeTooRecent(ParticipantId participant, Side side, DateOnly today)
    {
        var days = _rules.Risk.OppositeTradeTradingDays;
        if (days <= 0)
        {
            return false;
        }

        var opposite = side == Side.Buy ? Side.Sell : Side.Buy;
        if (_book.OpenListingsOf(participant, opposite) > 0 || _bulk.OpenQuantityOf(participant, opposite).IsPositive)
        {
            return true;
        }

        var last = side == Side.Buy ? _lastSell : _lastBuy;
        return last.TryGetValue(participant.Value, out var when) && _clock.FewerTradingDaysThan(when, today, days);
    }

    /// <summary>Bookkeeping after accepted events: the bar, opposite-trade dates, holdings, surveillance.</summary>
    private void AfterTrades(List<ExchangeEvent> events, int first, DateTimeOffset at)
    {
        var end = events.Count;
        for (var i = first; i < end; i++)
        {
            var trade = events[i] switch
            {
                ListingTaken e => e.Trade,
                BulkConfirmed e => e.Trade,
                BidAllocated e => e.Trade,
                _ => null,
            };
            if (trade is null)
            {
                continue;
            }

            _nextTradeId = Math.Max(_nextTradeId, trade.Id.Value + 1);
            Bar = Bar.With(trade);
            var date = ChinaClock.DateOf(trade.At);
            _lastBuy[trade.BuyerId.Value] = date;
            _lastSell[trade.SellerId.Value] = date;
            var before = _holding.GetValueOrDefault(trade.BuyerId.Value);
            var after = before + trade.Quantity.Value;
            _holding[trade.BuyerId.Value] = after;
            if (_holding.TryGetValue(trade.SellerId.Value, out var sellerHolding))
            {
                _holding[trade.SellerId.Value] = Math.Max(0, sellerHolding - trade.Quantity.Value);
            }

            if (_rules.Risk.LargeHolderThresholdTonnes is { } threshold && before < threshold && after >= threshold)
            {
                events.Add(new LargeHolderReported(at, trade.BuyerId, new Tonnes(after), new Tonnes(threshold)));
            }

            if (_rules.Related.AreRelated(trade.BuyerId, trade.SellerId))
            {
                events.Add(new SurveillanceFlagged(at, SurveillanceKind.RelatedAccounts, trade.BuyerId, trade.SellerId, trade.Id));
            }
        }
    }

    /// <summary>Order-then-cancel: N cancels by one subject within the window raise one flag, then counting restarts.</summary>
    private void WatchCancels(ParticipantId participant, DateTimeOffset at, List<ExchangeEvent> events)
    {
        var count = _rules.Risk.CancelPatternCount;
        if (count <= 0)
        {
            return;
        }

        if (!_cancels.TryGetValue(participant.Value, out var recent))
        {
            recent = new Queue<DateTimeOffset>();
            _cancels.Add(participant.Value, recent);
        }

        recent.Enqueue(at);
        var windowStart = at.AddSeconds(-_rules.Risk.CancelPatternWindowSeconds);
        while (recent.Peek() <= windowStart)
        {
            recent.Dequeue();
        }

        if (recent.Count >= count)
        {
            recent.Clear();
            events.Add(new SurveillanceFlagged(at, SurveillanceKind.OrderThenCancel, participant, null, null));
        }
    }
}
