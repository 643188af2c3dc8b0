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

    // The account's holdings in the order they were opened, and their instrument indexes in an array
    // of their own: a command that has found the account finds its holding by scanning a few integers
    // next to each other instead of hashing the project code. Many instruments get a map as well.
    private const int HoldingScanMax = 16;
    private Holding[] holdings = [];
    private int[] holdingIndexes = [];
    private int holdingCount;
    private Dictionary<int, Holding>? holdingMap;

    internal IReadOnlyList<Holding> Holdings => new ArraySegment<Holding>(holdings, 0, holdingCount);

    internal Holding? FindHolding(int instrumentIndex)
    {
        if (holdingMap is not null) return holdingMap.GetValueOrDefault(instrumentIndex);
        var i = holdingIndexes.AsSpan(0, holdingCount).IndexOf(instrumentIndex);
        return i >= 0 ? holdings[i] : null;
    }

    internal void AddHolding(Holding holding)
    {
        if (holdingCount == holdings.Length)
        {
            var size = Math.Max(4, holdings.Length * 2);
            Array.Resize(ref holdings, size);
            Array.Resize(ref holdingIndexes, size);
        }
        holdings[holdingCount] = holding;
        holdingIndexes[holdingCount] = holding.InstrumentIndex;
        holdingCount++;
        if (holdingMap is not null) holdingMap.Add(holding.InstrumentIndex, holding);
        else if (holdingCount > HoldingScanMax) holdingMap = Holdings.ToDictionary(h => h.InstrumentIndex);
    }

    internal void RemoveHolding(Holding holding)
    {
        var i = Array.IndexOf(holdings, holding, 0, holdingCount);
        if (i < 0) return;
        holdingCount--;
        Array.Copy(holdings, i + 1, holdings, i, holdingCount - i);
        Array.Copy(holdingIndexes, i + 1, holdingIndexes, i, holdingCount - i);
        holdings[holdingCount] = null!;
        holdingMap?.Remove(holding.InstrumentIndex);
    }
}
