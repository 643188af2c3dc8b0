namespace OpenCcer.Core.Methodologies;

/// <summary>
/// One catalogue entry (a row of <c>reference/methodologies.csv</c>). Invariants: the code follows
/// <c>CCER-{sector:2}-{seq:3}-V{version:2}</c>; 0 ≤ <see cref="CreditingYearsMin"/> ≤
/// <see cref="CreditingYearsMax"/>; <see cref="RetiredOn"/>, when set, is after <see cref="InForce"/>.
/// </summary>
public sealed record MethodologyInfo(
    string Code,
    string NameZh,
    string NameEn,
    string Sector,
    string Version,
    DateOnly InForce,
    int CreditingYearsMin,
    int CreditingYearsMax,
    bool AdditionalityExempt,
    DateOnly? RetiredOn,
    string Source)
{
    /// <summary>True when new projects may use the methodology on <paramref name="date"/>.</summary>
    public bool IsInForceOn(DateOnly date) => date >= InForce && (RetiredOn is null || date < RetiredOn);
}
