using OpenCcer.Application;
using OpenCcer.Core.Lifecycle;
using OpenCcer.Storage.Lifecycle;

namespace OpenCcer.Server.Api;

/// <summary>Lifecycle refusals (<see cref="Refusals"/>) as problem details.</summary>
public static class LifecycleProblems
{
    public static IResult For(LifecycleStatus status) => Refusals.Of(status).ToProblem();

    public static IResult Respond<T>(LifecycleOutcome<T> outcome, Func<T, object> view) => outcome.Kind switch
    {
        LifecycleOutcomeKind.Ok => TypedResults.Ok(view(outcome.Record!)),
        LifecycleOutcomeKind.Refused => For(outcome.Status),
        LifecycleOutcomeKind.NotFound => Problems.NotFound(outcome.Detail ?? "Not found."),
        LifecycleOutcomeKind.InputInvalid => Problems.Invalid(outcome.Detail ?? "body", "Unknown or invalid value."),
        _ => Problems.For(outcome.LedgerStatus, "The registry could not issue the units."),
    };
}
