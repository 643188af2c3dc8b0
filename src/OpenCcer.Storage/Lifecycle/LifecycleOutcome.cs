using OpenCcer.Core.Lifecycle;
using OpenCcer.Core.Registry;

namespace OpenCcer.Storage.Lifecycle;

/// <summary>What a lifecycle action came to.</summary>
public enum LifecycleOutcomeKind
{
    Ok = 0,
    Refused = 1,
    NotFound = 2,
    InputInvalid = 3,
    LedgerRefused = 4,
}

/// <summary>
/// The result of a lifecycle action: the record after it, or why not — a lifecycle status, a missing
/// record, bad input (<see cref="Detail"/> names the field), or the ledger refusing the issuance.
/// </summary>
public sealed record LifecycleOutcome<T>(LifecycleOutcomeKind Kind, T? Record, LifecycleStatus Status = LifecycleStatus.Ok,
    LedgerStatus LedgerStatus = LedgerStatus.Ok, string? Detail = null)
{
    public static LifecycleOutcome<T> Ok(T record) => new(LifecycleOutcomeKind.Ok, record);

    public static LifecycleOutcome<T> Refused(LifecycleStatus status) => new(LifecycleOutcomeKind.Refused, default, status);

    public static LifecycleOutcome<T> NotFound(string what) => new(LifecycleOutcomeKind.NotFound, default, Detail: what);

    public static LifecycleOutcome<T> Invalid(string field) => new(LifecycleOutcomeKind.InputInvalid, default, Detail: field);
}
