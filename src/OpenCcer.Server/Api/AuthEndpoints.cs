using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using OpenCcer.Application;
using OpenCcer.Server.People;
using OpenCcer.Storage;

namespace OpenCcer.Server.Api;

/// <summary>Sign-in, sign-out and "who am I" for people (cookie) and systems (API key).</summary>
public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/v1/auth").WithTags("Sign-in");
        auth.MapPost("/sign-in", SignIn).AllowAnonymous().RequireRateLimiting(PeopleAuthentication.SignInRateLimit)
            .Accepts<SignInRequest>("application/json").ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(429)
            .WithSummary("Sign a person in with user name and password; sets the session cookie.");
        auth.MapPost("/sign-out", SignOut).AllowAnonymous().WithSummary("End the person's session (clears the cookie).");
        auth.MapGet("/me", Me).RequireAuthorization(RegistryEndpoints.ReaderPolicy).ProducesProblem(401)
            .WithSummary("Who the caller is: person or key, organisation, role, subject.");
        return app;
    }

    private static async Task<IResult> SignIn(HttpContext http, SignInManager<User> signIn, LedgerStore store, JsonSerializerOptions json)
    {
        var (body, problem) = await RequestReader.ReadAsync<SignInRequest>(http, json);
        if (problem is not null) return problem;
        var r = new Fields();
        var name = r.Required("user_name", body!.UserName);
        var password = r.Required("password", body.Password);
        if (r.HasErrors) return r.Refusal().ToProblem();
        var result = await signIn.PasswordSignInAsync(name, password, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut) return Problems.For(WorkflowStatus.LockedOut, "Wait, or ask a registry administrator.");
        if (result.IsNotAllowed) return Problems.For(WorkflowStatus.SignInNotAllowed);
        if (!result.Succeeded) return Problems.For(WorkflowStatus.SignInFailed);
        var user = (await signIn.UserManager.FindByNameAsync(name))!;
        var organisation = await store.People.OrganisationAsync(user.OrganisationId, http.RequestAborted);
        return TypedResults.Ok(new
        {
            AuthenticatedBy = "cookie",
            UserId = user.Id,
            user.UserName,
            user.DisplayName,
            OrganisationId = organisation?.Id,
            OrganisationName = organisation?.Name,
            organisation?.SubjectId,
            organisation?.Role,
        });
    }

    private static async Task<IResult> SignOut(SignInManager<User> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    private static async Task<IResult> Me(HttpContext http, LedgerStore store)
    {
        var user = http.User;
        var organisationId = user.FindFirstValue(PeopleClaims.OrganisationId);
        var organisation = organisationId is null ? null : await store.People.OrganisationAsync(organisationId, http.RequestAborted);
        return TypedResults.Ok(new
        {
            AuthenticatedBy = user.Identity?.AuthenticationType == ApiKeyAuthenticationHandler.SchemeName ? "api_key" : "cookie",
            UserId = user.FindFirstValue(ClaimTypes.NameIdentifier),
            UserName = user.FindFirstValue(ClaimTypes.Name),
            DisplayName = user.FindFirstValue(PeopleClaims.DisplayName),
            OrganisationId = organisationId,
            OrganisationName = organisation?.Name,
            SubjectId = user.FindFirstValue(ApiKeyAuthenticationHandler.SubjectClaim),
            Role = user.FindFirstValue(ClaimTypes.Role),
        });
    }
}
