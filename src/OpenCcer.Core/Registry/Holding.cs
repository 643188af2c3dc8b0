namespace OpenCcer.Core.Registry;

/// <summary>
/// The units of one instrument in one account, and the count of units per state. Blocks are kept in
/// separate sorted lists — available ones, those of each reservation or freeze, and cancelled ones — so
/// that moving units touches only the list it moves from, however many holds or cancellations pile up.
/// Invariant: each count equals the sum of the blocks in that state; every list is sorted by first serial
/// and its blocks do not overlap.
/// </summary>
public sealed class Holding
{
    private readonly Dictionary<(UnitState State, long Hold), List<Block>> held = [];

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

    internal List<Block> AvailableBlocks { get; } = [];

    internal List<Block> CancelledBlocks { get; } = [];

    /// <summary>Every block of the holding, sorted by first serial.</summary>
    public IReadOnlyList<Block> Blocks => AllLists().SelectMany(l => l).OrderBy(b => b.First).ToArray();

    internal int BlockCount => AllLists().Sum(l => l.Count);

    internal bool IsEmpty => AvailableBlocks.Count == 0 && CancelledBlocks.Count == 0 && held.Count == 0;

    internal IEnumerable<List<Block>> AllLists()
    {
        yield return AvailableBlocks;
        foreach (var list in held.Values) yield return list;
        yield return CancelledBlocks;
    }

    /// <summary>The list of blocks in <paramref name="state"/> owned by <paramref name="hold"/>, or null.</summary>
    internal List<Block>? Find(UnitState state, long hold) => state switch
    {
        UnitState.Available => AvailableBlocks,
        UnitState.Cancelled => CancelledBlocks,
        _ => held.GetValueOrDefault((state, hold)),
    };

    internal List<Block> Get(UnitState state, long hold)
    {
        var list = Find(state, hold);
        if (list is not null) return list;
        list = [];
        held.Add((state, hold), list);
        return list;
    }

    /// <summary>Drops the list of a hold that no longer owns any block, so holds do not accumulate.</summary>
    internal void Prune(UnitState state, long hold)
    {
        if (state is UnitState.Reserved or UnitState.Frozen && held.TryGetValue((state, hold), out var list) && list.Count == 0)
            held.Remove((state, hold));
    }

    internal IEnumerable<Block> FrozenBlocks() =>
        held.Where(kv => kv.Key.State == UnitState.Frozen).SelectMany(kv => kv.Value);

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

    /// <summary>Index of the block of <paramref name="list"/> containing <paramref name="serial"/>, or -1.</summary>
    internal static int IndexOf(List<Block> list, long serial)
    {
        // Selection takes the highest serials, so the block wanted is almost always the last one:
        // look there before searching, which saves touching blocks scattered on the heap.
        int lo = 0, hi = list.Count - 1;
        if (hi >= 0 && list[hi].First <= serial && serial <= list[hi].Last) return hi;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var b = list[mid];
            if (serial < b.First) hi = mid - 1;
            else if (serial > b.Last) lo = mid + 1;
            else return mid;
        }
        return -1;
    }

    /// <summary>Where a block starting at <paramref name="first"/> belongs in the sorted <paramref name="list"/>.</summary>
    internal static int InsertionPoint(List<Block> list, long first)
    {
        int lo = 0, hi = list.Count;
        if (hi == 0 || list[hi - 1].First < first) return hi;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (list[mid].First < first) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
