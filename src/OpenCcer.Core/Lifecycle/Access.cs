namespace OpenCcer.Core.Lifecycle;

/// <summary>Who may act, checked before anything else: role first, then organisation.</summary>
internal static class Access
{
    public static LifecycleStatus Owner(Actor actor, OrganisationId owner) =>
        actor.Role != Role.ProjectOwner ? LifecycleStatus.WrongRole
        : actor.Organisation != owner ? LifecycleStatus.NotYourProject
        : LifecycleStatus.Ok;

    public static LifecycleStatus AssignedVvb(Actor actor, OrganisationId? vvb) =>
        actor.Role != Role.Vvb ? LifecycleStatus.WrongRole
        : actor.Organisation != vvb ? LifecycleStatus.NotYourProject
        : LifecycleStatus.Ok;

    public static LifecycleStatus Administrator(Actor actor) =>
        actor.Role == Role.RegistryAdministrator ? LifecycleStatus.Ok : LifecycleStatus.WrongRole;

    /// <summary>The owner, or the registry acting for it.</summary>
    public static LifecycleStatus OwnerOrAdministrator(Actor actor, OrganisationId owner) =>
        actor.Role == Role.RegistryAdministrator ? LifecycleStatus.Ok : Owner(actor, owner);
}
