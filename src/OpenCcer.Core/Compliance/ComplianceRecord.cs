namespace OpenCcer.Core.Compliance;

/// <summary>
/// One key emitting unit's position for one compliance period. The obligation equals the verified
/// emissions (null until verified). Invariants: every amount ≥ 0; offsets used ≤ the offset limit of the
/// obligation; allowances + offsets surrendered ≤ the obligation.
/// </summary>
public sealed record ComplianceRecord(
    string SubjectId,
    int Period,
    long? VerifiedEmissions,
    long Allocated,
    long SurrenderedAllowances,
    long OffsetsUsed)
{
    public long Obligation => VerifiedEmissions ?? 0;

    public long Surrendered => checked(SurrenderedAllowances + OffsetsUsed);

    /// <summary>What is still owed; 0 when the period is covered or not yet verified.</summary>
    public long Shortfall => Math.Max(0, checked(Obligation - Surrendered));

    public bool Compliant => VerifiedEmissions is not null && Shortfall == 0;
}
