namespace OpenCcer.Core.Lifecycle;

/// <summary>
/// Who triggers a transition: a role and the organisation acting in it. The adapter establishes both
/// from the authenticated user; Core checks that the pair may act on the project or reduction.
/// </summary>
public readonly record struct Actor(Role Role, OrganisationId Organisation)
{
    /// <summary>An anonymous member of the public (comments during public notices).</summary>
    public static readonly Actor Anonymous = new(Role.Public, OrganisationId.None);
}
