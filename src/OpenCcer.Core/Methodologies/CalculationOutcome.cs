namespace OpenCcer.Core.Methodologies;

/// <summary>
/// Status plus either a result (<see cref="CalculationStatus.Ok"/>) or every error found (any other
/// status). Invariant: <see cref="Result"/> is non-null exactly when the status is Ok, and
/// <see cref="Errors"/> is non-empty exactly when it is not.
/// </summary>
public sealed record CalculationOutcome(CalculationStatus Status, IReadOnlyList<FieldError> Errors, ReductionResult? Result)
{
    public static CalculationOutcome Success(ReductionResult result) => new(CalculationStatus.Ok, [], result);

    public static CalculationOutcome Invalid(IReadOnlyList<FieldError> errors) =>
        new(CalculationStatus.InvalidInput, NonEmpty(errors), null);

    public static CalculationOutcome NotApplicable(IReadOnlyList<FieldError> failures) =>
        new(CalculationStatus.NotApplicable, NonEmpty(failures), null);

    public static CalculationOutcome UnknownMethodology(string code) =>
        new(CalculationStatus.UnknownMethodology, [new FieldError("code", $"no methodology '{code}' in the catalogue")], null);

    /// <summary>
    /// The order every calculator decides in: input errors first, then applicability failures (checked
    /// only on valid input), then the result (computed only for an applicable project).
    /// </summary>
    internal static CalculationOutcome Decide(
        IReadOnlyList<FieldError> errors,
        Func<IReadOnlyList<FieldError>> checkApplicability,
        Func<ReductionResult> compute)
    {
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }
        var failures = checkApplicability();
        return failures.Count > 0 ? NotApplicable(failures) : Success(compute());
    }

    private static IReadOnlyList<FieldError> NonEmpty(IReadOnlyList<FieldError> errors) =>
        errors.Count > 0 ? errors : throw new ArgumentException("A failed outcome needs at least one error.", nameof(errors));
}
