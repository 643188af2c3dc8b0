using OpenCcer.Storage.Lifecycle;

namespace OpenCcer.Application.Lifecycle;

/// <summary>A lifecycle action's result as a handler's outcome: the record, or the refusal from the one table.</summary>
public static class LifecycleOutcomes
{
    public static Outcome<T> ToOutcome<T>(this LifecycleOutcome<T> outcome) => outcome.Kind switch
    {
        LifecycleOutcomeKind.Ok => outcome.Record!,
        LifecycleOutcomeKind.Refused => Refusals.Of(outcome.Status),
        LifecycleOutcomeKind.NotFound => Refusals.NotFound(outcome.Detail ?? "Not found."),
        LifecycleOutcomeKind.InputInvalid => Refusals.Invalid(outcome.Detail ?? "body", "Unknown or invalid value."),
        _ => Refusals.Of(outcome.LedgerStatus, "The registry could not issue the units."),
    };
}
