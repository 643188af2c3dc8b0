using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using OpenCcer.Core.Calendar;
using OpenCcer.Core.Lifecycle;
using OpenCcer.Server.Api;
using OpenCcer.Storage;

namespace OpenCcer.Server.People;

/// <summary>
/// Sign-in for people and its wiring: ASP.NET Core Identity over <see cref="UserStore"/>, a cookie for
/// people, and one policy scheme in front that picks the API-key scheme when a request carries a key and
/// the cookie otherwise. Also the per-address limit on sign-in attempts and the policies of the people
/// endpoints.
/// </summary>
public static class PeopleAuthentication
{
    public const string SchemeName = "ApiKeyOrCookie";
    public const string SignInRateLimit = "sign-in";
    public const string CookieName = "openccer.auth";

    /// <summary>Organisations that hold registry accounts: project owners, VVBs, trading participants (and participant keys).</summary>
    public const string AccountHolderPolicy = "account-holder";

    /// <summary>The registry administrator and the regulator.</summary>
    public const string SupervisorPolicy = "registry-or-regulator";

    public static IServiceCollection AddPeople(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAuthentication()
            .AddPolicyScheme(SchemeName, "API key or sign-in cookie", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.ContainsKey("X-Api-Key")
                || context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiKeyAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddIdentityCookies(cookies => cookies.ApplicationCookie!.Configure(o =>
            {
                o.Cookie.Name = CookieName;
                o.Cookie.HttpOnly = true;
                // Strict: a cookie-authenticated write cannot be triggered from another site.
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                // An API answers with a status code, never a redirect to a login page.
                o.Events.OnRedirectToLogin = c => Status(c.Response, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = c => Status(c.Response, StatusCodes.Status403Forbidden);
            }));

        services.AddIdentityCore<User>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = true;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = true;
                configuration.GetSection("Identity").Bind(o);
            })
            .AddUserStore<UserStore>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<PersonClaimsFactory>();

        services.AddAuthorizationBuilder()
            .AddPolicy(AccountHolderPolicy, p => p.RequireRole(Roles.AccountHolders))
            .AddPolicy(SupervisorPolicy, p => p.RequireRole(Roles.RegistryAdministrator, Roles.Regulator));

        var permits = configuration.GetValue("Auth:SignInPermitsPerMinute", 10);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.OnRejected = async (context, ct) =>
            {
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? (int)Math.Ceiling(retry.TotalSeconds) : 60;
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many sign-in attempts.",
                    type: Problems.ForHttpStatus(StatusCodes.Status429TooManyRequests),
                    detail: $"At most {permits} sign-in attempts a minute from one address; try again in {seconds} seconds.")
                    .ExecuteAsync(context.HttpContext);
            };
        });

        services.AddSingleton(WorkingDayCalendar.Shipped());
        return services;
    }

    private static Task Status(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}
