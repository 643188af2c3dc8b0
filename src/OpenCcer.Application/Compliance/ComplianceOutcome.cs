using OpenCcer.Core.Compliance;
using OpenCcer.Core.Registry;

namespace OpenCcer.Application.Compliance;

/// <summary>
/// The result of a compliance action: <see cref="Value"/> when it was done; otherwise the compliance rule
/// (<see cref="Status"/>) or the ledger rule (<see cref="LedgerStatus"/>) that refused it, or an operation
/// id reused for a different request.
/// </summary>
public sealed record ComplianceOutcome<T>(ComplianceStatus Status, LedgerStatus? LedgerStatus, bool IdempotencyConflict, T? Value)
{
    public bool IsOk => Status == ComplianceStatus.Ok && LedgerStatus is null && !IdempotencyConflict;

    public static ComplianceOutcome<T> Ok(T value) => new(ComplianceStatus.Ok, null, false, value);

    public static ComplianceOutcome<T> Refused(ComplianceStatus status) => new(status, null, false, default);

    public static ComplianceOutcome<T> RefusedByLedger(LedgerStatus status) => new(ComplianceStatus.Ok, status, false, default);

    public static ComplianceOutcome<T> Conflict() => new(ComplianceStatus.Ok, null, true, default);
}
