using OpenCcer.Application;
using OpenCcer.Core.Compliance;
using OpenCcer.Storage.Compliance;

namespace OpenCcer.Server.Api;

/// <summary>Compliance refusals (<see cref="Refusals"/>) as problem details.</summary>
public static class ComplianceProblems
{
    public static IResult For(ComplianceStatus status, string? detail = null) => Refusals.Of(status, detail).ToProblem();

    /// <summary>The problem for a refused outcome: a compliance rule, a ledger rule, or a reused operation id.</summary>
    public static IResult For<T>(ComplianceOutcome<T> outcome, string operationId = "") =>
        outcome.IdempotencyConflict
            ? Refusals.IdempotencyConflict(operationId).WithDetail($"Operation '{operationId}' was used with another body; choose a new operation id.").ToProblem()
            : outcome.LedgerStatus is { } ledger ? Problems.For(ledger) : For(outcome.Status);
}
