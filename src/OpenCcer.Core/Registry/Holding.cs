namespace OpenCcer.Core.Registry;

/// <summary>
/// The units of one instrument in one account: its blocks sorted by first serial, and the count of
/// units per state. Invariant: each count equals the sum of its blocks in that state.
/// </summary>
public sealed class Holding
{
    internal Holding(AccountId account, Instrument instrument)
    {
        Account = account;
        Instrument = instrument;
    }

    public AccountId Account { get; }
    public Instrument Instrument { get; }
    public long Available { get; private set; }
    public long Reserved { get; private set; }
    public long Frozen { get; private set; }
    public long Cancelled { get; private set; }

    internal List<Block> BlockList { get; } = [];

    public IReadOnlyList<Block> Blocks => BlockList;

    public long Count(UnitState state) => state switch
    {
        UnitState.Available => Available,
        UnitState.Reserved => Reserved,
        UnitState.Frozen => Frozen,
        UnitState.Cancelled => Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    internal void Add(UnitState state, long delta)
    {
        switch (state)
        {
            case UnitState.Available: Available = checked(Available + delta); break;
            case UnitState.Reserved: Reserved = checked(Reserved + delta); break;
            case UnitState.Frozen: Frozen = checked(Frozen + delta); break;
            case UnitState.Cancelled: Cancelled = checked(Cancelled + delta); break;
            default: throw new ArgumentOutOfRangeException(nameof(state));
        }
        if (Available < 0 || Reserved < 0 || Frozen < 0 || Cancelled < 0)
            throw new InvalidOperationException($"Holding {Account}/{Instrument} went negative.");
    }

    /// <summary>Index of the block containing <paramref name="serial"/>, or -1.</summary>
    internal int IndexOf(long serial)
    {
        int lo = 0, hi = BlockList.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var b = BlockList[mid];
            if (serial < b.First) hi = mid - 1;
            else if (serial > b.Last) lo = mid + 1;
            else return mid;
        }
        return -1;
    }

    /// <summary>Where a block starting at <paramref name="first"/> belongs in the sorted list.</summary>
    internal int InsertionPoint(long first)
    {
        int lo = 0, hi = BlockList.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (BlockList[mid].First < first) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
