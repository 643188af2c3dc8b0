using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OpenCcer.Storage;

namespace OpenCcer.Server.Api;

/// <summary>
/// Systems authenticate with an API key in <c>X-Api-Key</c> (or <c>Authorization: Bearer</c>). Keys are
/// stored as SHA-256 hashes; a key maps to a role and, for participants, the subject it acts for.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, LedgerStore store)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string SubjectClaim = "subject_id";
    private const int KeyLengthMax = 200;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? key = Request.Headers["X-Api-Key"];
        if (string.IsNullOrEmpty(key))
        {
            string? authorization = Request.Headers.Authorization;
            if (authorization?.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) == true) key = authorization[7..].Trim();
        }
        if (string.IsNullOrEmpty(key)) return AuthenticateResult.NoResult();
        if (key.Length > KeyLengthMax) return AuthenticateResult.Fail("API key too long.");
        var k = await store.People.ApiKeyAsync(DemoSeed.HashKey(key), Context.RequestAborted);
        if (k is null) return AuthenticateResult.Fail("Unknown API key.");
        var claims = new List<Claim> { new(ClaimTypes.Name, k.Label), new(ClaimTypes.Role, k.Role) };
        if (k.SubjectId is not null) claims.Add(new Claim(SubjectClaim, k.SubjectId));
        // A key issued to an organisation or a person acts for them (see docs/security.md).
        if (k.OrganisationId is not null) claims.Add(new Claim(People.PeopleClaims.OrganisationId, k.OrganisationId));
        if (k.UserId is not null) claims.Add(new Claim(ClaimTypes.NameIdentifier, k.UserId));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
