namespace OpenCcer.Core.Registry;

/// <summary>
/// A registry or trading account. Each subject has one of each, bound 1:1 through <see cref="Pair"/>;
/// both share <see cref="State"/>. A judicial freeze (<see cref="FreezeReference"/> not null) stops
/// units leaving this account except by court enforcement or forced/judicial cancellation.
/// </summary>
public sealed class Account
{
    internal Account(AccountId id, AccountKind kind, AccountId pair, string subjectId, string subjectName,
        HolderType holderType, DateTimeOffset openedAt)
    {
        Id = id;
        Kind = kind;
        Pair = pair;
        SubjectId = subjectId;
        SubjectName = subjectName;
        HolderType = holderType;
        OpenedAt = openedAt;
    }

    public AccountId Id { get; }
    public AccountKind Kind { get; }
    public AccountId Pair { get; }
    public string SubjectId { get; }
    public string SubjectName { get; }
    public HolderType HolderType { get; }
    public DateTimeOffset OpenedAt { get; }
    public AccountState State { get; internal set; } = AccountState.Active;
    public string? FreezeReference { get; internal set; }
    public bool IsFrozen => FreezeReference is not null;

    // The account's holdings in the order they were opened, each next to its instrument index: a
    // command that has found the account finds its holding by scanning a few integers instead of
    // hashing the project code. The first four sit inside the account object itself, so that scan
    // reads no other memory; more move to an array, and an account with many instruments gets a map.
    private const int InlineMax = 4;
    private const int HoldingScanMax = 16;
    private InlineSlots inline;
    private HoldingSlot[]? overflow;
    private int holdingCount;
    private Dictionary<int, Holding>? holdingMap;

    private readonly record struct HoldingSlot(int InstrumentIndex, Holding Holding);

    [System.Runtime.CompilerServices.InlineArray(InlineMax)]
    private struct InlineSlots
    {
        private HoldingSlot first;
    }

    private Span<HoldingSlot> Slots => overflow is null ? inline[..holdingCount] : overflow.AsSpan(0, holdingCount);

    internal IReadOnlyList<Holding> Holdings
    {
        get
        {
            var slots = Slots;
            var list = new Holding[slots.Length];
            for (var i = 0; i < slots.Length; i++) list[i] = slots[i].Holding;
            return list;
        }
    }

    internal Holding? FindHolding(int instrumentIndex)
    {
        if (holdingMap is not null) return holdingMap.GetValueOrDefault(instrumentIndex);
        foreach (ref readonly var slot in Slots)
        {
            if (slot.InstrumentIndex == instrumentIndex) return slot.Holding;
        }
        return null;
    }

    internal void AddHolding(Holding holding)
    {
        if (overflow is null && holdingCount == InlineMax)
        {
            overflow = new HoldingSlot[InlineMax * 2];
            ((Span<HoldingSlot>)inline).CopyTo(overflow);
            ((Span<HoldingSlot>)inline).Clear();
        }
        else if (overflow is not null && holdingCount == overflow.Length)
        {
            Array.Resize(ref overflow, overflow.Length * 2);
        }
        holdingCount++;
        Slots[^1] = new HoldingSlot(holding.InstrumentIndex, holding);
        if (holdingMap is not null) holdingMap.Add(holding.InstrumentIndex, holding);
        else if (holdingCount > HoldingScanMax) holdingMap = Holdings.ToDictionary(h => h.InstrumentIndex);
    }

    internal void RemoveHolding(Holding holding)
    {
        var slots = Slots;
        var i = 0;
        while (i < slots.Length && slots[i].Holding != holding) i++;
        if (i == slots.Length) return;
        slots[(i + 1)..].CopyTo(slots[i..]);
        slots[^1] = default;
        holdingCount--;
        holdingMap?.Remove(holding.InstrumentIndex);
    }
}
