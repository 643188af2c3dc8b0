using OpenCcer.Core.Primitives;

namespace OpenCcer.Core.Methodologies;

/// <summary>
/// What every methodology result shares: which methodology and mode produced it, the one rounding
/// step, and notes a VVB should read (fallbacks, defaults used). Invariant:
/// <see cref="Reductions"/> equals <see cref="Rounding"/>.Reductions and is never negative.
/// </summary>
public abstract record ReductionResult(string MethodologyCode, CalculationMode Mode, RoundingStep Rounding, IReadOnlyList<string> Notes)
{
    /// <summary>Whole tonnes claimed (ex-post) or expected per year (ex-ante).</summary>
    public Tonnes Reductions => Rounding.Reductions;
}
