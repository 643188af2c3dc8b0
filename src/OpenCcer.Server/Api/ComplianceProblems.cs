using OpenCcer.Core.Compliance;
using OpenCcer.Storage.Compliance;

namespace OpenCcer.Server.Api;

/// <summary>The one table mapping compliance statuses to HTTP codes; types are <c>/problems/{kebab-case-status}</c>.</summary>
public static class ComplianceProblems
{
    public static int HttpStatus(ComplianceStatus status) => status switch
    {
        ComplianceStatus.Ok => StatusCodes.Status200OK,
        ComplianceStatus.QuantityMustBePositive or ComplianceStatus.PeriodOutOfRange or ComplianceStatus.NothingToSurrender
            or ComplianceStatus.TooManyLines => StatusCodes.Status400BadRequest,
        ComplianceStatus.EntityNotFound => StatusCodes.Status404NotFound,
        _ => StatusCodes.Status409Conflict,
    };

    public static IResult For(ComplianceStatus status, string? detail = null) => TypedResults.Problem(
        detail: detail,
        statusCode: HttpStatus(status),
        title: Problems.TitleOf(status.ToString()),
        type: Problems.TypeOf(status.ToString()),
        extensions: new Dictionary<string, object?> { ["status_code"] = status.ToString() });

    /// <summary>The problem for a refused outcome: a compliance rule, a ledger rule, or a reused operation id.</summary>
    public static IResult For<T>(ComplianceOutcome<T> outcome, string operationId = "") =>
        outcome.IdempotencyConflict
            ? TypedResults.Problem(statusCode: 422, title: "Operation id already used for a different request.", type: Problems.IdempotencyConflict,
                detail: $"Operation '{operationId}' was used with another body; choose a new operation id.")
            : outcome.LedgerStatus is { } ledger ? Problems.For(ledger) : For(outcome.Status);
}
