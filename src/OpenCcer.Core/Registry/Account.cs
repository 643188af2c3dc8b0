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
    // command that has found the account finds its holding by scanning one short array instead of
    // hashing the project code. An account with many instruments gets a map as well.
    private const int HoldingScanMax = 16;
    private HoldingSlot[] holdings = [];
    private int holdingCount;
    private Dictionary<int, Holding>? holdingMap;

    private readonly record struct HoldingSlot(int InstrumentIndex, Holding Holding);

    internal IReadOnlyList<Holding> Holdings
    {
        get
        {
            var list = new Holding[holdingCount];
            for (var i = 0; i < holdingCount; i++) list[i] = holdings[i].Holding;
            return list;
        }
    }

    internal Holding? FindHolding(int instrumentIndex)
    {
        if (holdingMap is not null) return holdingMap.GetValueOrDefault(instrumentIndex);
        for (var i = 0; i < holdingCount; i++)
        {
            if (holdings[i].InstrumentIndex == instrumentIndex) return holdings[i].Holding;
        }
        return null;
    }

    internal void AddHolding(Holding holding)
    {
        if (holdingCount == holdings.Length) Array.Resize(ref holdings, Math.Max(4, holdings.Length * 2));
        holdings[holdingCount++] = new HoldingSlot(holding.InstrumentIndex, holding);
        if (holdingMap is not null) holdingMap.Add(holding.InstrumentIndex, holding);
        else if (holdingCount > HoldingScanMax) holdingMap = Holdings.ToDictionary(h => h.InstrumentIndex);
    }

    internal void RemoveHolding(Holding holding)
    {
        var i = 0;
        while (i < holdingCount && holdings[i].Holding != holding) i++;
        if (i == holdingCount) return;
        holdingCount--;
        Array.Copy(holdings, i + 1, holdings, i, holdingCount - i);
        holdings[holdingCount] = default;
        holdingMap?.Remove(holding.InstrumentIndex);
    }
}
