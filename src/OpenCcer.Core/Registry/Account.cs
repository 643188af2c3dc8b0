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
}
