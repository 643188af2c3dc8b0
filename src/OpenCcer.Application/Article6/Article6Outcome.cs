using OpenCcer.Core.Article6;
using OpenCcer.Core.Registry;

namespace OpenCcer.Application.Article6;

/// <summary>The result of an Article 6 action: the value, or the Article 6 or ledger rule that refused it, or a reused operation id.</summary>
public sealed record Article6Outcome<T>(Article6Status Status, LedgerStatus? LedgerStatus, bool IdempotencyConflict, T? Value)
{
    public bool IsOk => Status == Article6Status.Ok && LedgerStatus is null && !IdempotencyConflict;

    public static Article6Outcome<T> Ok(T value) => new(Article6Status.Ok, null, false, value);

    public static Article6Outcome<T> Refused(Article6Status status) => new(status, null, false, default);

    public static Article6Outcome<T> RefusedByLedger(LedgerStatus status) => new(Article6Status.Ok, status, false, default);

    public static Article6Outcome<T> Conflict() => new(Article6Status.Ok, null, true, default);
}
