using System.Collections;

namespace OpenCcer.Core.Registry;

/// <summary>
/// The blocks of one account, instrument and state (a holding's available or cancelled blocks, one
/// reservation's or one freeze's), sorted by first serial. Each block is a plain value in one
/// contiguous array — id, issuance, serials and hold, no object per block and no reference for the
/// garbage collector to trace — so searching, splitting, inserting and merging read and write that
/// array alone. The indexer builds a <see cref="Block"/> snapshot on demand.
/// </summary>
internal sealed class BlockList : IReadOnlyList<Block>
{
    private Slot[] slots = [];

    private struct Slot
    {
        public long Id;
        public long Issuance;
        public long First;
        public long Last;
        public long Hold;
    }

    public BlockList(AccountId account, Instrument instrument, UnitState state)
    {
        Account = account;
        Instrument = instrument;
        State = state;
    }

    public AccountId Account { get; }
    public Instrument Instrument { get; }
    public UnitState State { get; }

    public int Count { get; private set; }

    public Block this[int index]
    {
        get
        {
            ref var s = ref slots[CheckIndex(index)];
            return new Block(new BlockId(s.Id), new IssuanceId(s.Issuance), Instrument, s.First, s.Last, Account, State, s.Hold);
        }
    }

    public BlockId IdAt(int index) => new(slots[CheckIndex(index)].Id);

    public long FirstAt(int index) => slots[CheckIndex(index)].First;

    public long LastAt(int index) => slots[CheckIndex(index)].Last;

    public IssuanceId IssuanceAt(int index) => new(slots[CheckIndex(index)].Issuance);

    public long HoldAt(int index) => slots[CheckIndex(index)].Hold;

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

    /// <summary>
    /// Reads the last block, where a search or an insertion of the highest serials starts, so that its
    /// memory is on the way while the caller does other work.
    /// </summary>
    public void Prefetch()
    {
        if (Count > 0) Volatile.Read(ref slots[Count - 1].First);
    }

    /// <summary>Index of the block with id <paramref name="id"/>, or -1 (a scan: blocks are sorted by serial).</summary>
    public int IndexOfId(BlockId id)
    {
        for (var i = 0; i < Count; i++)
        {
            if (slots[i].Id == id.Value) return i;
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

    public void Insert(int index, BlockId id, IssuanceId issuance, long first, long last, long hold)
    {
        if ((uint)index > (uint)Count) throw new ArgumentOutOfRangeException(nameof(index));
        if (Count == slots.Length) Array.Resize(ref slots, Math.Max(4, slots.Length * 2));
        if (index < Count) Array.Copy(slots, index, slots, index + 1, Count - index);
        slots[index] = new Slot { Id = id.Value, Issuance = issuance.Value, First = first, Last = last, Hold = hold };
        Count++;
    }

    /// <summary>Gives the block at <paramref name="index"/> another id and first serial (it took over a block that starts lower).</summary>
    public void Replace(int index, BlockId id, long first)
    {
        ref var s = ref slots[CheckIndex(index)];
        s.Id = id.Value;
        s.First = first;
    }

    public void RemoveAt(int index)
    {
        CheckIndex(index);
        Count--;
        if (index < Count) Array.Copy(slots, index + 1, slots, index, Count - index);
    }

    /// <summary>Lets go of the storage of an empty list that will not fill again.</summary>
    public void Release()
    {
        if (Count == 0) slots = [];
    }

    public void SetLast(int index, long last) => slots[CheckIndex(index)].Last = last;

    public IEnumerator<Block> GetEnumerator()
    {
        for (var i = 0; i < Count; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
