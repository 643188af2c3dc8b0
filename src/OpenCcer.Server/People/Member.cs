using System.Security.Claims;
using OpenCcer.Server.Api;

namespace OpenCcer.Server.People;

/// <summary>
/// A person acting for their organisation: a signed-in user, or a system using a key issued to that user.
/// Workflow steps (applications, maker-checker) are recorded against a member; keys without a person cannot take them.
/// </summary>
public sealed record Member(string UserId, string OrganisationId, string Role, string SubjectId)
{
    public static Member? Of(ClaimsPrincipal user)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var organisation = user.FindFirstValue(PeopleClaims.OrganisationId);
        var role = user.FindFirstValue(ClaimTypes.Role);
        var subject = user.FindFirstValue(ApiKeyAuthenticationHandler.SubjectClaim);
        return id is null || organisation is null || role is null || subject is null ? null : new Member(id, organisation, role, subject);
    }
}
