using OpenCcer.Application;
using OpenCcer.Core.Exchange;
using OpenCcer.Storage.Exchange;

namespace OpenCcer.Server.Api;

/// <summary>The exchange's refusals (<see cref="Refusals"/>) as problem details.</summary>
public static class ExchangeProblems
{
    public static IResult For(VenueStatus status, string? detail = null) => Refusals.Of(status, detail).ToProblem();

    public static IResult For(ExchangeStatus status, string? detail = null) => Refusals.Of(status, detail).ToProblem();

    /// <summary>The problem for a refused outcome, or null when it was accepted.</summary>
    public static IResult? Of(ExchangeOutcome outcome, string operationId)
    {
        if (outcome.IdempotencyConflict) return Refusals.IdempotencyConflict(operationId).ToProblem();
        if (outcome.LedgerRefusal is { } ledger) return Problems.For(ledger);
        if (outcome.Status == VenueStatus.MarketRefused) return For(outcome.MarketStatus);
        return outcome.Status == VenueStatus.Ok ? null : For(outcome.Status);
    }
}
