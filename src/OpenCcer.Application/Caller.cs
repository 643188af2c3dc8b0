using OpenCcer.Core.Lifecycle;
using OpenCcer.Storage.Lifecycle;

namespace OpenCcer.Application;

/// <summary>
/// Who is calling a handler: the role they act in (one vocabulary, <see cref="Core.Lifecycle.Role"/>) and
/// the subject (unified social credit code) they act for, when they act for one. The doors build it from
/// a signed-in person or an API key; handlers decide from it what the caller may do.
/// </summary>
public sealed record Caller(Role Role, string? SubjectId)
{
    /// <summary>Nobody signed in.</summary>
    public static readonly Caller Public = new(Role.Public, null);

    /// <summary>A caller from a role name as keys and people carry it.</summary>
    public static Caller Of(string? roleName, string? subjectId) => new(Roles.Of(roleName), subjectId);

    public bool IsAdministrator => Role == Role.RegistryAdministrator;

    /// <summary>The registry or the regulator: they see every subject's records.</summary>
    public bool IsRegistryOrRegulator => Role is Role.RegistryAdministrator or Role.Regulator;

    /// <summary>Whether the caller's role holds units in its own subject's accounts.</summary>
    public bool HoldsAccounts => Roles.HoldsAccounts(Role);

    /// <summary>An account-holding caller acting for <paramref name="subjectId"/>.</summary>
    public bool Owns(string? subjectId) => HoldsAccounts && SubjectId is not null && SubjectId == subjectId;

    /// <summary>May read an account of <paramref name="subjectId"/>: its owner, the registry, the regulator, the exchange.</summary>
    public bool MayRead(string? subjectId) => Owns(subjectId) || Role is Role.RegistryAdministrator or Role.Regulator or Role.ExchangeOperator;

    /// <summary>The lifecycle's view of this caller: its role and its organisation.</summary>
    public Actor Actor() => new(Role, SubjectId is null ? OrganisationId.None : Organisations.IdOf(SubjectId));

    /// <summary>The role's name as keys and people carry it.</summary>
    public string RoleName => Roles.NameOf(Role);
}
