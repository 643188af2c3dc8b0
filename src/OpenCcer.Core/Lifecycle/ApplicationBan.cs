namespace OpenCcer.Core.Lifecycle;

/// <summary>
/// An owner barred from applying for project registration after a revocation for fraud (M 43):
/// from <see cref="From"/> inclusive to <see cref="Until"/> exclusive, three years later.
/// </summary>
public sealed record ApplicationBan(OrganisationId Owner, ProjectId RevokedProject, DateOnly From, DateOnly Until)
{
    /// <summary>Length of the ban after a revocation (M 43).</summary>
    public const int Years = 3;

    public static ApplicationBan After(OrganisationId owner, ProjectId revokedProject, DateOnly revokedOn) =>
        new(owner, revokedProject, revokedOn, revokedOn.AddYears(Years));

    public bool IsActiveOn(DateOnly date) => From <= date && date < Until;
}
