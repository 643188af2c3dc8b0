using System.Security.Claims;
using OpenCcer.Application;

namespace OpenCcer.Server.Api;

/// <summary>The application's <see cref="Caller"/> read from a signed-in person's or an API key's claims.</summary>
public static class CallerClaims
{
    extension(Caller)
    {
        /// <summary>Who is calling: the role claim and the subject claim.</summary>
        public static Caller Of(ClaimsPrincipal user) =>
            Caller.Of(user.FindFirstValue(ClaimTypes.Role), user.FindFirstValue(ApiKeyAuthenticationHandler.SubjectClaim));
    }
}
