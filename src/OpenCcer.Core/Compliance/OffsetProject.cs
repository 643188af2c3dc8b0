namespace OpenCcer.Core.Compliance;

/// <summary>
/// What the ETS link knows about a project whose CCERs are offered as offsets: whether the project is
/// inside ETS coverage (its CCERs are refused, ETS; M 9), and whether its units are legacy CCERs,
/// registered before 2017-03-14 and usable only until <see cref="ComplianceRules.LegacyUsableUntil"/> (N).
/// </summary>
public sealed record OffsetProject(string ProjectCode, bool UnderEtsCoverage, bool Legacy);
