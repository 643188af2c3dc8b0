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

    public bool Owns(AccountRow account) => Roles.HoldsAccounts(Role) && SubjectId == account.SubjectId;

    /// <summary>May read this account: its owner, the registry, the regulator, the exchange.</summary>
    public bool MayRead(AccountRow account) => Owns(account) || Role is Roles.RegistryAdministrator or Roles.Regulator or Roles.ExchangeOperator;
}
