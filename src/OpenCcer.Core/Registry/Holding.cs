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
    // The lists of reservations and freezes; made on the first hold, as most holdings never have one.
    private Dictionary<(UnitState State, long Hold), BlockList>? held;

    internal Holding(AccountId account, Instrument instrument, int instrumentIndex)
    {
        Account = account;
        Instrument = instrument;
        InstrumentIndex = instrumentIndex;
    }

    public AccountId Account { get; }
    public Instrument Instrument { get; }

    /// <summary>The ledger's small-integer name for <see cref="Instrument"/>.</summary>
    internal int InstrumentIndex { get; }

    /// <summary>Where the holding sits in the ledger's list of all holdings.</summary>
    internal int Position { get; set; }
    public long Available { get; private set; }
    public long Reserved { get; private set; }
    public long Frozen { get; private set; }
    public long Cancelled { get; private set; }

    internal BlockList AvailableBlocks { get; } = new();

    internal BlockList CancelledBlocks { get; } = new();

    /// <summary>Every block of the holding, sorted by first serial.</summary>
    public IReadOnlyList<Block> Blocks => AllLists().SelectMany(l => l).OrderBy(b => b.First).ToArray();

    internal int BlockCount => AllLists().Sum(l => l.Count);

    internal bool IsEmpty => AvailableBlocks.Count == 0 && CancelledBlocks.Count == 0 && (held is null || held.Count == 0);

    internal IEnumerable<BlockList> AllLists()
    {
        yield return AvailableBlocks;
        if (held is not null)
        {
            foreach (var list in held.Values) yield return list;
        }
        yield return CancelledBlocks;
    }

    /// <summary>The list of blocks in <paramref name="state"/> owned by <paramref name="hold"/>, or null.</summary>
    internal BlockList? Find(UnitState state, long hold) => state switch
    {
        UnitState.Available => AvailableBlocks,
        UnitState.Cancelled => CancelledBlocks,
        _ => held?.GetValueOrDefault((state, hold)),
    };

    internal BlockList Get(UnitState state, long hold)
    {
        var list = Find(state, hold);
        if (list is not null) return list;
        list = new BlockList();
        (held ??= []).Add((state, hold), list);
        return list;
    }

    /// <summary>Drops the list of a hold that no longer owns any block, so holds do not accumulate.</summary>
    internal void Prune(UnitState state, long hold)
    {
        if (state is UnitState.Reserved or UnitState.Frozen && held is not null && held.TryGetValue((state, hold), out var list) && list.Count == 0)
            held.Remove((state, hold));
    }

    internal IEnumerable<Block> FrozenBlocks() =>
        (held ?? []).Where(kv => kv.Key.State == UnitState.Frozen).SelectMany(kv => kv.Value);

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
}
