using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OpenCcer.Core.Exchange;

public sealed partial class Market
{
    /// <summary>
    /// SHA-256 (lower-case hex) of the whole market in a canonical order: day, prices, counters, listings,
    /// reservations, proposals, biddings with their sealed bids, restrictions and risk memory. Two markets
    /// given the same commands at the same instants have the same hash; a replay must reproduce it.
    /// </summary>
    public string StateHash()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(FormattableString text) => hash.AppendData(Encoding.UTF8.GetBytes(text.ToString(CultureInfo.InvariantCulture) + "\n"));

        Add($"M|{Instrument}|{BasePrice.Fen}|{TradingDate:O}|{IsDayOpen}|{_suspendedReason}|{_lastOrderId}|{_nextTradeId}");
        Add($"D|{Bar.Date:O}|{Bar.Open?.Fen}|{Bar.High?.Fen}|{Bar.Low?.Fen}|{Bar.Close?.Fen}|{Bar.Volume.Value}|{Bar.Turnover.Fen}|{Bar.ListedVolume.Value}|{Bar.ListedTurnover.Fen}");
        foreach (var l in _book.Listings(Side.Buy).Concat(_book.Listings(Side.Sell)).OrderBy(l => l.Id.Value))
        {
            Add($"L|{l.Id}|{l.Participant}|{l.Side}|{l.Price.Fen}|{l.Original.Value}|{l.Open.Value}");
        }

        foreach (var r in _book.Reservations.All.Concat(_bulk.Reservations.All).Concat(_biddings.Values.SelectMany(b => b.Reservations.All)))
        {
            Add($"R|{r.Order}|{r.Participant}|{r.Side}|{r.Quantity.Value}|{r.FundsPerTonne.Fen}");
        }

        foreach (var p in _bulk.Open)
        {
            Add($"P|{p.Id}|{p.Proposer}|{p.Counterparty}|{p.ProposerSide}|{p.Price.Fen}|{p.Quantity.Value}|{p.At:O}");
        }

        foreach (var b in _biddings.Values)
        {
            Add($"B|{b.Id}|{b.Initiator}|{b.InitiatorSide}|{b.Quantity.Value}|{b.ReservePrice.Fen}|{b.WindowStart:O}|{b.WindowEnd:O}|{b.Pricing}");
            foreach (var bid in b.Bids)
            {
                Add($"b|{bid.Id}|{bid.Bidder}|{bid.Price.Fen}|{bid.Quantity.Value}|{bid.At:O}");
            }
        }

        foreach (var (participant, reason) in _restricted)
        {
            Add($"X|{participant}|{reason}");
        }

        foreach (var (participant, date) in _lastBuy)
        {
            Add($"LB|{participant}|{date:O}");
        }

        foreach (var (participant, date) in _lastSell)
        {
            Add($"LS|{participant}|{date:O}");
        }

        foreach (var (participant, holding) in _holding)
        {
            Add($"H|{participant}|{holding}");
        }

        foreach (var (participant, cancels) in _cancels)
        {
            Add($"C|{participant}|{string.Join(',', cancels.Select(c => c.ToString("O", CultureInfo.InvariantCulture)))}");
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Broken invariants of every part, empty when all hold.</summary>
    public IReadOnlyList<string> CheckInvariants()
    {
        var problems = new List<string>(_book.CheckInvariants());
        problems.AddRange(_bulk.CheckInvariants());
        foreach (var bidding in _biddings.Values)
        {
            var expected = bidding.Bids.Count + 1;
            if (bidding.Reservations.Count != expected || !bidding.Reservations.TryGet(bidding.Id, out var own) || own.Quantity != bidding.Quantity)
            {
                problems.Add($"bidding {bidding.Id}: reservations do not match its quantity and bids");
            }
        }

        return problems;
    }
}
