namespace OpenCcer.Core.Lifecycle;

/// <summary>
/// Facts held outside the project that its application is checked against, loaded by the caller:
/// the terms of the project's methodology, the external ids already claimed by other CCER projects or
/// otherwise known to the registry, and the application bans of the owner (others are ignored).
/// </summary>
public sealed record ApplicationContext(
    MethodologyTerms Methodology,
    IReadOnlySet<ExternalId> KnownExternalIds,
    IReadOnlyCollection<ApplicationBan> Bans);
