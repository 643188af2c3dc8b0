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
    // The lists of freezes; made on the first freeze, as most holdings never have one. Reserved blocks
    // are listed on their reservation; the holding keeps the reservations that got blocks here, and
    // drops the emptied ones whenever that list has doubled since it was last trimmed.
    private Dictionary<(UnitState State, long Hold), BlockList>? held;
    private readonly List<Reservation> reservations = [];
    private int trimAt = 8;

    internal Holding(AccountId account, Instrument instrument, int instrumentIndex)
    {
        Account = account;
        Instrument = instrument;
        InstrumentIndex = instrumentIndex;
        AvailableBlocks = new BlockList(account, instrument, UnitState.Available);
        CancelledBlocks = new BlockList(account, instrument, UnitState.Cancelled);
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

    internal BlockList AvailableBlocks { get; }

    internal BlockList CancelledBlocks { get; }

    /// <summary>Every block of the holding, sorted by first serial.</summary>
    public IReadOnlyList<Block> Blocks => AllLists().SelectMany(l => l).OrderBy(b => b.First).ToArray();

    internal int BlockCount => AllLists().Sum(l => l.Count);

    internal bool IsEmpty => AvailableBlocks.Count == 0 && CancelledBlocks.Count == 0 && Reserved == 0 && (held is null || held.Count == 0);

    internal IEnumerable<BlockList> AllLists()
    {
        yield return AvailableBlocks;
        foreach (var r in reservations)
        {
            if (r.Blocks.Count > 0) yield return r.Blocks;
        }
        if (held is not null)
        {
            foreach (var list in held.Values) yield return list;
        }
        yield return CancelledBlocks;
    }

    internal void Track(Reservation reservation)
    {
        if (reservations.Count == trimAt)
        {
            reservations.RemoveAll(r => r.Blocks.Count == 0);
            trimAt = Math.Max(8, reservations.Count * 2);
        }
        reservations.Add(reservation);
    }

    /// <summary>
    /// The list of blocks in <paramref name="state"/> owned by <paramref name="hold"/>, or null. Not for
    /// reserved blocks, which are listed on their reservation (see Ledger.ListOf).
    /// </summary>
    internal BlockList? Find(UnitState state, long hold) => state switch
    {
        UnitState.Available => AvailableBlocks,
        UnitState.Cancelled => CancelledBlocks,
        UnitState.Reserved => throw new InvalidOperationException("Reserved blocks are listed on their reservation."),
        _ => held?.GetValueOrDefault((state, hold)),
    };

    internal BlockList Get(UnitState state, long hold)
    {
        var list = Find(state, hold);
        if (list is not null) return list;
        list = new BlockList(Account, Instrument, state);
        (held ??= []).Add((state, hold), list);
        return list;
    }

    /// <summary>Drops the list of a hold that no longer owns any block, so holds do not accumulate.</summary>
    internal void Prune(UnitState state, long hold)
    {
        if (state is UnitState.Frozen && held is not null && held.TryGetValue((state, hold), out var list) && list.Count == 0)
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
