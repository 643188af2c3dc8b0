namespace OpenCcer.Core.Lifecycle;

/// <summary>
/// What the owner states about a project when drafting it: title, methodology code
/// (<c>CCER-{sector}-{seq}-V{version}</c>), the day construction started, and the crediting period.
/// </summary>
public sealed record ProjectDescription(string Title, string MethodologyCode, DateOnly ConstructionStart, CreditingPeriod CreditingPeriod);
