namespace OpenCcer.Core.Compliance;

/// <summary>
/// The configurable numbers of the national ETS link. <see cref="OffsetShareBasisPoints"/> is the share of
/// a period's obligation that CCERs may cover (ETS Art. 29: 5% = 500 basis points, CONFIGURABLE);
/// <see cref="LegacyUsableUntil"/> is the last day legacy CCERs (registered before 2017-03-14) may be
/// surrendered (N: 2024-12-31), inclusive.
/// </summary>
public sealed record ComplianceRules(int OffsetShareBasisPoints, DateOnly LegacyUsableUntil)
{
    public static readonly ComplianceRules Default = new(500, new DateOnly(2024, 12, 31));

    /// <summary>The most CCER tonnes usable for an obligation: the share, rounded down to whole tonnes.</summary>
    public long OffsetLimit(long obligationTonnes) => checked(obligationTonnes * OffsetShareBasisPoints) / 10_000;
}
