using System.Text.Json;

namespace OpenCcer.Core.Methodologies;

/// <summary>
/// The JSON entry every calculator shares: read the root object field by field into the typed input,
/// report fields nobody asked for, and calculate only when no field was wrong. Only this assembly
/// derives from it, so the reader may work on the internal field reader.
/// </summary>
public abstract class MethodologyCalculator<TInput> : IMethodologyCalculator
    where TInput : class
{
    private readonly Func<JsonFields, TInput?> read;
    private readonly Func<TInput, MethodologyReferenceData, CalculationOutcome> calculate;

    /// <param name="code">The catalogue code.</param>
    /// <param name="read">Reads the input; null when a required part is missing (its error is recorded).</param>
    /// <param name="calculate">The typed calculation.</param>
    private protected MethodologyCalculator(
        string code,
        Func<JsonFields, TInput?> read,
        Func<TInput, MethodologyReferenceData, CalculationOutcome> calculate)
    {
        Code = code;
        this.read = read;
        this.calculate = calculate;
    }

    public string Code { get; }

    public CalculationOutcome CalculateJson(JsonElement input, MethodologyReferenceData reference)
    {
        var errors = new List<FieldError>();
        if (JsonFields.Root(input, errors) is not { } root)
        {
            return CalculationOutcome.Invalid(errors);
        }
        var typed = read(root);
        root.RejectUnknown();
        return errors.Count > 0 || typed is null ? CalculationOutcome.Invalid(errors) : calculate(typed, reference);
    }
}
