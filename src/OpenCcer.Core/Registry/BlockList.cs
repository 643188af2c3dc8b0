using System.Collections;

namespace OpenCcer.Core.Registry;

/// <summary>
/// The blocks of one state of a holding, sorted by first serial. Each slot keeps a copy of the
/// block's serials and issuance next to the reference, so searching, inserting and checking whether
/// neighbours merge read one contiguous array instead of blocks scattered on the heap; a block object
/// is touched only when it is the one that changes. <see cref="SetLast"/> keeps copy and block equal.
/// </summary>
internal sealed class BlockList : IReadOnlyList<Block>
{
    private Slot[] slots = [];

    private struct Slot
    {
        public long First;
        public long Last;
        public IssuanceId Issuance;
        public Block Block;
    }

    public int Count { get; private set; }

    public Block this[int index] => slots[CheckIndex(index)].Block;

    public long FirstAt(int index) => slots[CheckIndex(index)].First;

    public long LastAt(int index) => slots[CheckIndex(index)].Last;

    public IssuanceId IssuanceAt(int index) => slots[CheckIndex(index)].Issuance;

    public long CountAt(int index)
    {
        ref var s = ref slots[CheckIndex(index)];
        return checked(s.Last - s.First + 1);
    }

    private int CheckIndex(int index) =>
        (uint)index < (uint)Count ? index : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>Index of the block containing <paramref name="serial"/>, or -1.</summary>
    public int IndexOf(long serial)
    {
        // Selection takes the highest serials, so the block wanted is most often the last one.
        int lo = 0, hi = Count - 1;
        if (hi >= 0 && slots[hi].First <= serial && serial <= slots[hi].Last) return hi;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            ref var s = ref slots[mid];
            if (serial < s.First) hi = mid - 1;
            else if (serial > s.Last) lo = mid + 1;
            else return mid;
        }
        return -1;
    }

    /// <summary>Where a block starting at <paramref name="first"/> belongs.</summary>
    public int InsertionPoint(long first)
    {
        int lo = 0, hi = Count;
        if (hi == 0 || slots[hi - 1].First < first) return hi;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (slots[mid].First < first) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    public void Insert(int index, Block block)
    {
        if ((uint)index > (uint)Count) throw new ArgumentOutOfRangeException(nameof(index));
        if (Count == slots.Length) Array.Resize(ref slots, Math.Max(4, slots.Length * 2));
        if (index < Count) Array.Copy(slots, index, slots, index + 1, Count - index);
        slots[index] = new Slot { First = block.First, Last = block.Last, Issuance = block.Issuance, Block = block };
        Count++;
    }

    public void RemoveAt(int index)
    {
        CheckIndex(index);
        Count--;
        if (index < Count) Array.Copy(slots, index + 1, slots, index, Count - index);
        slots[Count] = default;
    }

    /// <summary>Lets go of the storage of an empty list that will not fill again.</summary>
    public void Release()
    {
        if (Count == 0) slots = [];
    }

    /// <summary>Moves the last serial of the block at <paramref name="index"/>, in the block and in its slot.</summary>
    public void SetLast(int index, long last)
    {
        ref var s = ref slots[CheckIndex(index)];
        s.Last = last;
        s.Block.Last = last;
    }

    public IEnumerator<Block> GetEnumerator()
    {
        for (var i = 0; i < Count; i++) yield return slots[i].Block;
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
