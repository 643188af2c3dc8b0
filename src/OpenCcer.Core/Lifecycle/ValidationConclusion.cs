namespace OpenCcer.Core.Lifecycle;

/// <summary>The conclusion of a validation report. Values are stable.</summary>
public enum ValidationConclusion
{
    Negative = 0,
    Positive = 1,
}
