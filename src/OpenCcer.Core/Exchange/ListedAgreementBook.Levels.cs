using System.Numerics;

namespace OpenCcer.Core.Exchange;

public sealed partial class ListedAgreementBook
{
    /// <summary>No order: the end of a queue or of the free list.</summary>
    private const int None = -1;

    /// <summary>
    /// A listing, in a slot of the book's order array. Slots of closed listings are reused (a free list
    /// threaded through <see cref="Next"/>). <see cref="Reserved"/> is the listing's reservation,
    /// maintained apart from <see cref="Open"/> so the invariant check compares two bookkeepings.
    /// <see cref="Ordinal"/> is the listing's place in the day's posting order, <see cref="Owner"/> the
    /// index of its participant's counts.
    /// </summary>
    private struct Order
    {
        public long Id;
        public long Participant;
        public long Price;
        public long Original;
        public long Open;
        public long Reserved;
        public long FundsPerTonne;
        public int Level;
        public int Next;
        public int Prev;
        public int Ordinal;
        public int Owner;
        public Side Side;
    }

    /// <summary>Open listings and quantities of one participant, per side.</summary>
    private struct Counts
    {
        public int Buy;
        public int Sell;
        public long BuyQuantity;
        public long SellQuantity;

        public void Add(Side side, long quantity)
        {
            if (side == Side.Buy)
            {
                Buy++;
                BuyQuantity += quantity;
            }
            else
            {
                Sell++;
                SellQuantity += quantity;
            }
        }

        public void Remove(Side side, long quantity, bool closes)
        {
            var closed = closes ? 1 : 0;
            if (side == Side.Buy)
            {
                Buy -= closed;
                BuyQuantity -= quantity;
            }
            else
            {
                Sell -= closed;
                SellQuantity -= quantity;
            }
        }
    }

    /// <summary>A FIFO queue of listings at one price: slots linked through Next and Prev.</summary>
    private struct Level
    {
        public int Head;
        public int Tail;
        public long Quantity;
        public int Count;
    }

    /// <summary>One side: levels by tick offset, a bit per non-empty level, and the best level (-1 when empty).</summary>
    private sealed class BookSide
    {
        public readonly Level[] Levels;
        public readonly ulong[] Bits;
        public readonly bool IsBid;
        public int Best = -1;

        public BookSide(int levels, bool isBid)
        {
            Levels = new Level[levels];
            Levels.AsSpan().Fill(new Level { Head = None, Tail = None });
            Bits = new ulong[(levels + 63) / 64];
            IsBid = isBid;
        }

        public int BestHead => Best >= 0 ? Levels[Best].Head : None;

        public void Append(Order[] orders, int slot)
        {
            ref var order = ref orders[slot];
            ref var level = ref Levels[order.Level];
            order.Prev = level.Tail;
            order.Next = None;
            if (level.Tail == None)
            {
                level.Head = slot;
                Bits[order.Level >> 6] |= 1UL << (order.Level & 63);
            }
            else
            {
                orders[level.Tail].Next = slot;
            }

            level.Tail = slot;
            level.Quantity += order.Open;
            level.Count++;
            if (Best < 0 || (IsBid ? order.Level > Best : order.Level < Best))
            {
                Best = order.Level;
            }
        }

        /// <summary>Takes <paramref name="quantity"/> off a listing; unlinks it when nothing is left open.</summary>
        public void Reduce(Order[] orders, int slot, long quantity)
        {
            ref var order = ref orders[slot];
            ref var level = ref Levels[order.Level];
            order.Open -= quantity;
            level.Quantity -= quantity;
            if (order.Open != 0)
            {
                return;
            }

            if (order.Prev == None)
            {
                level.Head = order.Next;
            }
            else
            {
                orders[order.Prev].Next = order.Next;
            }

            if (order.Next == None)
            {
                level.Tail = order.Prev;
            }
            else
            {
                orders[order.Next].Prev = order.Prev;
            }

            order.Next = None;
            order.Prev = None;
            level.Count--;
            if (level.Count == 0)
            {
                Bits[order.Level >> 6] &= ~(1UL << (order.Level & 63));
                if (order.Level == Best)
                {
                    Best = Next(order.Level);
                }
            }
        }

        /// <summary>The next non-empty level in priority order after <paramref name="level"/>, or -1.</summary>
        public int Next(int level) => IsBid ? HighestAtOrBelow(level - 1) : LowestAtOrAbove(level + 1);

        private int HighestAtOrBelow(int level)
        {
            if (level < 0)
            {
                return -1;
            }

            var word = level >> 6;
            var bits = Bits[word] & (ulong.MaxValue >> (63 - (level & 63)));
            while (true)
            {
                if (bits != 0)
                {
                    return (word << 6) + 63 - BitOperations.LeadingZeroCount(bits);
                }

                if (--word < 0)
                {
                    return -1;
                }

                bits = Bits[word];
            }
        }

        private int LowestAtOrAbove(int level)
        {
            if (level >= Levels.Length)
            {
                return -1;
            }

            var word = level >> 6;
            var bits = Bits[word] & (ulong.MaxValue << (level & 63));
            while (true)
            {
                if (bits != 0)
                {
                    return (word << 6) + BitOperations.TrailingZeroCount(bits);
                }

                if (++word >= Bits.Length)
                {
                    return -1;
                }

                bits = Bits[word];
            }
        }
    }
}
