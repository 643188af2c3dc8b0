using OpenCcer.Core.Primitives;

namespace OpenCcer.Core.Exchange;

public sealed partial class ListedAgreementBook
{
    public bool TryGet(OrderId listing, out ListingView view)
    {
        if (_index.TryGetValue(listing.Value, out var slot))
        {
            view = View(_orders[slot]);
            return true;
        }

        view = default;
        return false;
    }

    public bool TryGetBest(Side side, out ListingView view)
    {
        var head = (side == Side.Buy ? _bids : _asks).BestHead;
        view = head == None ? default : View(_orders[head]);
        return head != None;
    }

    public IReadOnlyList<ListingView> Listings(Side side)
    {
        var book = side == Side.Buy ? _bids : _asks;
        var views = new List<ListingView>();
        for (var level = book.Best; level >= 0; level = book.Next(level))
        {
            for (var slot = book.Levels[level].Head; slot != None; slot = _orders[slot].Next)
            {
                views.Add(View(_orders[slot]));
            }
        }

        return views;
    }

    public MarketDepth Depth(int levels) => new(DepthOf(_bids, levels), DepthOf(_asks, levels));

    public IReadOnlyList<string> CheckInvariants()
    {
        var problems = new List<string>();
        if (_bids.Best >= 0 && _asks.Best >= 0 && _bids.Best >= _asks.Best)
        {
            problems.Add($"crossed book: best bid level {_bids.Best} >= best ask level {_asks.Best}");
        }

        var seen = 0;
        var reserved = 0;
        var perParticipant = new Counts[_participants];
        foreach (var book in new[] { _bids, _asks })
        {
            var best = -1;
            for (var i = 0; i < book.Levels.Length; i++)
            {
                var level = book.Levels[i];
                long quantity = 0;
                var count = 0;
                var previous = None;
                for (var slot = level.Head; slot != None; slot = _orders[slot].Next)
                {
                    var order = _orders[slot];
                    quantity += order.Open;
                    count++;
                    seen++;
                    if (order.Open <= 0 || order.Open > order.Original || order.Level != i || order.Prev != previous
                        || (order.Side == Side.Buy) != book.IsBid || order.Price != _lowFen + (i * _tick))
                    {
                        problems.Add($"listing {order.Id}: open {order.Open} of {order.Original} at level {order.Level} in level {i}, or links or side disagree");
                    }

                    if (!_index.TryGetValue(order.Id, out var indexed) || indexed != slot)
                    {
                        problems.Add($"listing {order.Id}: the id table does not lead to its slot");
                    }

                    if (order.Reserved != order.Open)
                    {
                        problems.Add($"listing {order.Id}: reservation {order.Reserved} differs from open quantity {order.Open}");
                    }
                    else
                    {
                        reserved++;
                    }

                    if (order.Owner < 0 || order.Owner >= _participants
                        || !_participantSlots.TryGetValue(order.Participant, out var owner) || owner != order.Owner)
                    {
                        problems.Add($"listing {order.Id}: participant {order.Participant} not at counts {order.Owner}");
                    }
                    else
                    {
                        perParticipant[order.Owner].Add(order.Side, order.Open);
                    }

                    previous = slot;
                }

                if (quantity != level.Quantity || count != level.Count || previous != level.Tail
                    || (count > 0) != ((book.Bits[i >> 6] >> (i & 63) & 1) == 1))
                {
                    problems.Add($"level {i}: totals, tail or bit disagree with its queue");
                }

                if (count > 0 && (best < 0 || (book.IsBid ? i > best : i < best)))
                {
                    best = i;
                }
            }

            if (best != book.Best)
            {
                problems.Add($"best level {book.Best}, expected {best}");
            }
        }

        for (var p = 0; p < _participants; p++)
        {
            if (!perParticipant[p].Equals(_counts[p]))
            {
                problems.Add($"participant counts {p} disagree with the open listings");
            }
        }

        if (seen != _index.Count || reserved != _reservationCount || seen != _reservationCount)
        {
            problems.Add($"{seen} queued, {_index.Count} indexed, {_reservationCount} reservations");
        }

        var free = 0;
        for (var slot = _free; slot != None && free <= _ordersUsed; slot = _orders[slot].Next)
        {
            free++;
        }

        if (free + seen != _ordersUsed)
        {
            problems.Add($"{free} free slots and {seen} open listings, {_ordersUsed} slots used");
        }

        return problems;
    }

    private static ListingView View(in Order order) =>
        new(new OrderId(order.Id), new ParticipantId(order.Participant), order.Side, new PricePerTonne(order.Price),
            new Tonnes(order.Original), new Tonnes(order.Open));

    private DepthLevel[] DepthOf(BookSide book, int levels)
    {
        var result = new List<DepthLevel>(levels);
        for (var level = book.Best; level >= 0 && result.Count < levels; level = book.Next(level))
        {
            var l = book.Levels[level];
            result.Add(new DepthLevel(new PricePerTonne(_lowFen + (level * _tick)), new Tonnes(l.Quantity), l.Count));
        }

        return [.. result];
    }
}
