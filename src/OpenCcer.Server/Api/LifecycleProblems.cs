using OpenCcer.Core.Lifecycle;
using OpenCcer.Storage.Lifecycle;

namespace OpenCcer.Server.Api;

/// <summary>Maps lifecycle statuses and outcomes to HTTP, in the same style as <see cref="Problems"/>.</summary>
public static class LifecycleProblems
{
    public static int HttpStatus(LifecycleStatus status) => status switch
    {
        LifecycleStatus.Ok => 200,
        LifecycleStatus.WrongRole or LifecycleStatus.NotYourProject => 403,
        LifecycleStatus.DescriptionInvalid or LifecycleStatus.TextEmpty or LifecycleStatus.TextTooLong
            or LifecycleStatus.DocumentHashInvalid or LifecycleStatus.QuantityNotPositive or LifecycleStatus.PeriodInvalid => 400,
        LifecycleStatus.CommentNotFound or LifecycleStatus.CorrectiveActionNotFound => 404,
        _ => 409,
    };

    public static IResult For(LifecycleStatus status) => TypedResults.Problem(
        statusCode: HttpStatus(status),
        title: Problems.TitleOf(status.ToString()),
        type: Problems.TypeOf(status.ToString()),
        extensions: new Dictionary<string, object?> { ["status_code"] = status.ToString() });

    public static IResult Respond<T>(LifecycleOutcome<T> outcome, Func<T, object> view) => outcome.Kind switch
    {
        LifecycleOutcomeKind.Ok => TypedResults.Ok(view(outcome.Record!)),
        LifecycleOutcomeKind.Refused => For(outcome.Status),
        LifecycleOutcomeKind.NotFound => Problems.NotFound(outcome.Detail ?? "Not found."),
        LifecycleOutcomeKind.InputInvalid => Problems.Invalid(outcome.Detail ?? "body", "Unknown or invalid value."),
        _ => Problems.For(outcome.LedgerStatus, "The registry could not issue the units."),
    };
}
