using System.Numerics;

namespace OpenCcer.Core.Exchange;

public sealed partial class ListedAgreementBook
{
    /// <summary>A listing in a level's queue. Mutable and pooled; never leaves the book.</summary>
    private sealed class Node
    {
        public long Id;
        public long Participant;
        public Side Side;
        public long Price;
        public long Original;
        public long Open;
        public int Level;
        public Node? Next;
        public Node? Prev;

        public void Set(long id, long participant, Side side, long price, long quantity, int level)
        {
            Id = id;
            Participant = participant;
            Side = side;
            Price = price;
            Original = quantity;
            Open = quantity;
            Level = level;
            Next = null;
            Prev = null;
        }
    }

    /// <summary>Open listings and quantities of one participant, per side.</summary>
    private sealed class Counts
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

    /// <summary>A FIFO queue of listings at one price.</summary>
    private struct Level
    {
        public Node? Head;
        public Node? Tail;
        public long Quantity;
        public int Count;
    }

    /// <summary>One side: levels by tick offset, a bit per non-empty level, and the best level (-1 when empty).</summary>
    private sealed class BookSide(int levels)
    {
        public readonly Level[] Levels = new Level[levels];
        public readonly ulong[] Bits = new ulong[(levels + 63) / 64];
        public int Best = -1;

        public Node? BestHead => Best >= 0 ? Levels[Best].Head : null;

        public void Append(Node node, bool isBid)
        {
            ref var level = ref Levels[node.Level];
            node.Prev = level.Tail;
            if (level.Tail is null)
            {
                level.Head = node;
                Bits[node.Level >> 6] |= 1UL << (node.Level & 63);
            }
            else
            {
                level.Tail.Next = node;
            }

            level.Tail = node;
            level.Quantity += node.Open;
            level.Count++;
            if (Best < 0 || (isBid ? node.Level > Best : node.Level < Best))
            {
                Best = node.Level;
            }
        }

        /// <summary>Takes <paramref name="quantity"/> off a listing; unlinks it when nothing is left open.</summary>
        public void Reduce(Node node, long quantity, bool isBid)
        {
            ref var level = ref Levels[node.Level];
            node.Open -= quantity;
            level.Quantity -= quantity;
            if (node.Open != 0)
            {
                return;
            }

            if (node.Prev is null)
            {
                level.Head = node.Next;
            }
            else
            {
                node.Prev.Next = node.Next;
            }

            if (node.Next is null)
            {
                level.Tail = node.Prev;
            }
            else
            {
                node.Next.Prev = node.Prev;
            }

            node.Next = null;
            node.Prev = null;
            level.Count--;
            if (level.Count == 0)
            {
                Bits[node.Level >> 6] &= ~(1UL << (node.Level & 63));
                if (node.Level == Best)
                {
                    Best = isBid ? HighestAtOrBelow(node.Level - 1) : LowestAtOrAbove(node.Level + 1);
                }
            }
        }

        /// <summary>The next non-empty level in priority order after <paramref name="level"/>, or -1.</summary>
        public int Next(int level, bool isBid) => isBid ? HighestAtOrBelow(level - 1) : LowestAtOrAbove(level + 1);

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
