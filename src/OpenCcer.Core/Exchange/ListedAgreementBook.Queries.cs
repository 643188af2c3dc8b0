using OpenCcer.Core.Primitives;

namespace OpenCcer.Core.Exchange;

public sealed partial class ListedAgreementBook
{
    public bool TryGet(OrderId listing, out ListingView view)
    {
        if (_index.TryGetValue(listing.Value, out var node))
        {
            view = View(node);
            return true;
        }

        view = default;
        return false;
    }

    public bool TryGetBest(Side side, out ListingView view)
    {
        var head = (side == Side.Buy ? _bids : _asks).BestHead;
        view = head is null ? default : View(head);
        return head is not null;
    }

    public IReadOnlyList<ListingView> Listings(Side side)
    {
        var book = side == Side.Buy ? _bids : _asks;
        var views = new List<ListingView>();
        for (var level = book.Best; level >= 0; level = book.Next(level, side == Side.Buy))
        {
            for (var node = book.Levels[level].Head; node is not null; node = node.Next)
            {
                views.Add(View(node));
            }
        }

        return views;
    }

    public MarketDepth Depth(int levels) => new(DepthOf(_bids, levels, isBid: true), DepthOf(_asks, levels, isBid: false));

    public IReadOnlyList<string> CheckInvariants()
    {
        var problems = new List<string>();
        if (_bids.Best >= 0 && _asks.Best >= 0 && _bids.Best >= _asks.Best)
        {
            problems.Add($"crossed book: best bid level {_bids.Best} >= best ask level {_asks.Best}");
        }

        var seen = 0;
        foreach (var (book, isBid) in new[] { (_bids, true), (_asks, false) })
        {
            var best = -1;
            for (var i = 0; i < book.Levels.Length; i++)
            {
                var level = book.Levels[i];
                long quantity = 0;
                var count = 0;
                for (var node = level.Head; node is not null; node = node.Next)
                {
                    quantity += node.Open;
                    count++;
                    seen++;
                    if (node.Open <= 0 || node.Open > node.Original || node.Level != i)
                    {
                        problems.Add($"listing {node.Id}: open {node.Open} of {node.Original} at level {node.Level} in level {i}");
                    }

                    if (!Reservations.TryGet(new OrderId(node.Id), out var reservation) || reservation.Quantity.Value != node.Open)
                    {
                        problems.Add($"listing {node.Id}: reservation differs from open quantity {node.Open}");
                    }
                }

                if (quantity != level.Quantity || count != level.Count || (count > 0) != ((book.Bits[i >> 6] >> (i & 63) & 1) == 1))
                {
                    problems.Add($"level {i}: totals or bit disagree with its queue");
                }

                if (count > 0 && (best < 0 || (isBid ? i > best : i < best)))
                {
                    best = i;
                }
            }

            if (best != book.Best)
            {
                problems.Add($"best level {book.Best}, expected {best}");
            }
        }

        if (seen != _index.Count || Reservations.Count != _index.Count)
        {
            problems.Add($"{seen} queued, {_index.Count} indexed, {Reservations.Count} reservations");
        }

        return problems;
    }

    private static ListingView View(Node node) =>
        new(new OrderId(node.Id), new ParticipantId(node.Participant), node.Side, new PricePerTonne(node.Price),
            new Tonnes(node.Original), new Tonnes(node.Open));

    private DepthLevel[] DepthOf(BookSide book, int levels, bool isBid)
    {
        var result = new List<DepthLevel>(levels);
        for (var level = book.Best; level >= 0 && result.Count < levels; level = book.Next(level, isBid))
        {
            var l = book.Levels[level];
            result.Add(new DepthLevel(new PricePerTonne(_lowFen + (level * _rules.PriceTickFen)), new Tonnes(l.Quantity), l.Count));
        }

        return [.. result];
    }
}
