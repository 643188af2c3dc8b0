namespace OpenCcer.Core.Lifecycle;

/// <summary>
/// What the lifecycle needs to know about a methodology, supplied by the methodology catalogue:
/// in force from <see cref="InForce"/> inclusive until <see cref="RetiredOn"/> exclusive (open-ended when
/// null), and the longest crediting period it allows.
/// </summary>
public sealed record MethodologyTerms(string Code, DateOnly InForce, DateOnly? RetiredOn, int CreditingYearsMax)
{
    public bool IsInForceOn(DateOnly date) => InForce <= date && (RetiredOn is null || date < RetiredOn.Value);
}
