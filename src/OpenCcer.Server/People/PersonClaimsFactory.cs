using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OpenCcer.Server.Api;
using OpenCcer.Storage;

namespace OpenCcer.Server.People;

/// <summary>
/// The claims in a person's cookie: Identity's own (id, name, security stamp) plus the organisation, its
/// subject id and its role, so the same authorization and resource checks serve people and keys.
/// </summary>
public sealed class PersonClaimsFactory(UserManager<User> users, IOptions<IdentityOptions> options, LedgerStore store)
    : UserClaimsPrincipalFactory<User>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(User user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var organisation = await store.People.OrganisationAsync(user.OrganisationId)
            ?? throw new InvalidOperationException($"User {user.Id} names organisation {user.OrganisationId}, which does not exist.");
        identity.AddClaim(new Claim(ClaimTypes.Role, organisation.Role));
        identity.AddClaim(new Claim(ApiKeyAuthenticationHandler.SubjectClaim, organisation.SubjectId));
        identity.AddClaim(new Claim(PeopleClaims.OrganisationId, organisation.Id));
        identity.AddClaim(new Claim(PeopleClaims.DisplayName, user.DisplayName));
        return identity;
    }
}
