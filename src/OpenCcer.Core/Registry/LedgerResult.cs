namespace OpenCcer.Core.Registry;

/// <summary>
/// The outcome of one command: its status and, when <see cref="LedgerStatus.Ok"/>, the event applied.
/// <see cref="ExistingId"/> names the record found when the status is one of the Exists family.
/// A value, so executing a command allocates nothing for its result.
/// </summary>
public readonly record struct LedgerResult(LedgerStatus Status, LedgerEvent? Event = null, long? ExistingId = null)
{
    public bool IsOk => Status == LedgerStatus.Ok;
}
