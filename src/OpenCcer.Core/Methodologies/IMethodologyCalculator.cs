using System.Text.Json;

namespace OpenCcer.Core.Methodologies;

/// <summary>
/// A methodology's calculator as adapters (CLI, HTTP API) see it: JSON input in, outcome out. Each
/// implementation also offers a typed <c>Calculate</c> for callers inside the process. Pure: no I/O,
/// no clock; the same input and reference data always give the same outcome.
/// </summary>
public interface IMethodologyCalculator
{
    /// <summary>The catalogue code this calculator implements, e.g. <c>CCER-01-002-V01</c>.</summary>
    string Code { get; }

    /// <summary>
    /// Reads <paramref name="input"/> (the documented JSON shape of this methodology) and calculates.
    /// Malformed input gives <see cref="CalculationStatus.InvalidInput"/> naming every bad field.
    /// </summary>
    CalculationOutcome CalculateJson(JsonElement input, MethodologyReferenceData reference);
}
