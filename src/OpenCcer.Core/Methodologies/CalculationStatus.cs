namespace OpenCcer.Core.Methodologies;

/// <summary>
/// Outcome of a methodology calculation. Ordered and stable: adapters map each value to an HTTP
/// status, a problem-details type and a CLI exit code.
/// </summary>
public enum CalculationStatus
{
    /// <summary>The calculation ran; the result holds every intermediate value.</summary>
    Ok = 0,

    /// <summary>The input is malformed or out of range; the errors name each field.</summary>
    InvalidInput = 1,

    /// <summary>The input is well formed but the project fails one or more applicability conditions.</summary>
    NotApplicable = 2,

    /// <summary>No methodology with the requested code is in the catalogue or has a calculator.</summary>
    UnknownMethodology = 3,
}
