using System.Security.Claims;
using OpenCcer.Storage;
using OpenCcer.Storage.Projections;

namespace OpenCcer.Server.Api;

/// <summary>Who is calling, and the resource check: a participant acts only on its own subject's accounts.</summary>
public sealed record Caller(string Role, string? SubjectId)
{
    public static Caller Of(ClaimsPrincipal user) =>
        new(user.FindFirstValue(ClaimTypes.Role) ?? "", user.FindFirstValue(ApiKeyAuthenticationHandler.SubjectClaim));

    public bool IsAdministrator => Role == Roles.RegistryAdministrator;

    /// <summary>Account-holding roles act on their own subject's accounts.</summary>
    public bool Owns(AccountRow account) => Roles.HoldsAccounts(Role) && SubjectId == account.SubjectId;

    /// <summary>The lifecycle's view of this caller: its role and its organisation.</summary>
    public OpenCcer.Core.Lifecycle.Actor Actor() => new(Role switch
    {
        Roles.RegistryAdministrator => OpenCcer.Core.Lifecycle.Role.RegistryAdministrator,
        Roles.Regulator => OpenCcer.Core.Lifecycle.Role.Regulator,
        Roles.ExchangeOperator => OpenCcer.Core.Lifecycle.Role.ExchangeOperator,
        Roles.Participant or Roles.TradingParticipant => OpenCcer.Core.Lifecycle.Role.TradingParticipant,
        Roles.ProjectOwner => OpenCcer.Core.Lifecycle.Role.ProjectOwner,
        Roles.Vvb => OpenCcer.Core.Lifecycle.Role.Vvb,
        _ => OpenCcer.Core.Lifecycle.Role.Public,
    }, SubjectId is null ? OpenCcer.Core.Lifecycle.OrganisationId.None : OpenCcer.Storage.Lifecycle.Organisations.IdOf(SubjectId));

    /// <summary>May read this account: its owner, the registry, the regulator, the exchange.</summary>
    public bool MayRead(AccountRow account) => Owns(account) || Role is Roles.RegistryAdministrator or Roles.Regulator or Roles.ExchangeOperator;
}
