using System.Net;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using OpenCcer.Core.Lifecycle;
using OpenCcer.Storage;
using OpenCcer.Storage.People;

namespace OpenCcer.Server.Tests;

/// <summary>
/// Every endpoint of the running app, called by every role and by the anonymous public, answers as its
/// declared policy says: anonymous gets 401 on protected endpoints, a role outside the policy 403, a role
/// inside it anything but 401/403 (404 and 400 are expected for dummy ids and empty bodies). Expectations
/// come from the endpoint metadata, so endpoints added later are covered without editing this test.
/// </summary>
public sealed class AuthorizationMatrixTests(PeopleServer server) : IClassFixture<PeopleServer>
{
    /// <summary>The endpoints meant to be public: method (or "*") and route pattern prefix.</summary>
    private static readonly (string Method, string Prefix)[] Public =
    [
        ("*", "/api/v1/public/"),
        ("*", "/api/v1/methodologies"),
        ("GET", "/api/v1/grid-factors"),
        ("GET", "/api/v1/projects"),
        ("GET", "/api/v1/reductions"),
        ("GET", "/api/v1/documents/"),
        ("POST", "/api/v1/projects/{id:guid}/comments"),
        ("POST", "/api/v1/reductions/{id:guid}/comments"),
        ("POST", "/api/v1/auth/sign-in"),
        ("POST", "/api/v1/auth/sign-out"),
        ("GET", "/openapi/"),
        ("GET", "/scalar/"),
        ("GET", "/health"),
        ("GET", "/verify/"),
        ("GET", "/api/v1/exchange/instruments"),
        ("GET", "/api/v1/exchange/markets/"),
        ("GET", "/api/v1/exchange/feed"),
        ("GET", "/"),
        // The web explorer's pages (the portal's pages under /portal need a signed-in caller).
        ("*", "/projects"),
        ("*", "/cancellations"),
        ("*", "/statistics"),
        ("GET", "/market"),
        ("*", "/exports"),
        ("*", "/sign-in"),
        ("*", "/sign-out"),
    ];

    private sealed record Target(string Method, string Pattern, bool Anonymous, AuthorizationPolicy? Policy);

    private List<Target> Targets(List<string> undeclared)
    {
        var sources = server.Services.GetRequiredService<EndpointDataSource>();
        var policies = server.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var targets = new List<Target>();
        foreach (var endpoint in sources.Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var authorize = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
            var policy = AuthorizationPolicy.CombineAsync(policies, authorize, endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>())
                .GetAwaiter().GetResult();
            foreach (var method in methods)
            {
                if (!anonymous && policy is null) undeclared.Add($"{method} {pattern}");
                else targets.Add(new Target(method, pattern, anonymous, policy));
            }
        }
        return targets;
    }

    [Fact]
    public void every_endpoint_declares_a_policy_or_allow_anonymous_and_only_listed_ones_are_public()
    {
        var undeclared = new List<string>();
        var targets = Targets(undeclared);
        Assert.True(undeclared.Count == 0, "Endpoints without a policy or AllowAnonymous:\n" + string.Join("\n", undeclared));
        var unexpected = targets.Where(t => t.Anonymous && !IsListedPublic(t)).Select(t => $"{t.Method} {t.Pattern}").ToList();
        Assert.True(unexpected.Count == 0, "AllowAnonymous endpoints missing from the table of public endpoints:\n" + string.Join("\n", unexpected));
        Assert.True(targets.Count > 40);
    }

    [Fact]
    public async Task every_role_gets_what_each_endpoints_policy_declares()
    {
        var callers = await Callers();
        var authorization = server.Services.GetRequiredService<IAuthorizationService>();
        var failures = new List<string>();
        foreach (var target in Targets([]))
        {
            var path = Path(target.Pattern);
            foreach (var (role, key) in callers)
            {
                bool allowed;
                if (target.Anonymous) allowed = true;
                else if (role is null) allowed = false;
                else
                {
                    var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, role)], "matrix"));
                    allowed = (await authorization.AuthorizeAsync(principal, null, target.Policy!)).Succeeded;
                }
                var client = key is null ? server.CreateClient() : server.WithKey(key);
                using var request = new HttpRequestMessage(new HttpMethod(target.Method), path);
                if (target.Method is "POST" or "PUT" or "PATCH") request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                var status = (await client.SendAsync(request)).StatusCode;
                var who = role ?? "anonymous";
                if (allowed && status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                    failures.Add($"{target.Method} {path} as {who}: allowed by policy but got {(int)status}");
                else if (!allowed && role is null && status != HttpStatusCode.Unauthorized)
                    failures.Add($"{target.Method} {path} as anonymous: expected 401, got {(int)status}");
                else if (!allowed && role is not null && status != HttpStatusCode.Forbidden)
                    failures.Add($"{target.Method} {path} as {who}: expected 403, got {(int)status}");
                else if (status == HttpStatusCode.InternalServerError)
                    failures.Add($"{target.Method} {path} as {who}: 500");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static bool IsListedPublic(Target t) =>
        Public.Any(p => (p.Method == "*" || p.Method == t.Method) && (p.Prefix == "/" ? t.Pattern == "/" : t.Pattern.StartsWith(p.Prefix, StringComparison.Ordinal)));

    /// <summary>One key per organisation role, each issued to a person of a fresh organisation; the older participant key; anonymous.</summary>
    private async Task<List<(string? Role, string? Key)>> Callers()
    {
        var callers = new List<(string? Role, string? Key)> { (null, null), (Roles.Participant, ServerFixture.Cement) };
        var store = server.Store;
        for (var i = 0; i < Roles.OrganisationRoles.Count; i++)
        {
            var role = Roles.OrganisationRoles[i];
            var organisation = new OrganisationRecord(Guid.NewGuid().ToString(), $"9100000000MATRIX{i:D2}", "Matrix " + role, role, Stamp.Of(DateTimeOffset.UtcNow));
            await store.People.AddOrganisationAsync(organisation);
            var userId = Guid.NewGuid().ToString();
            await store.People.AddUserAsync(new UserRecord(userId, organisation.Id, "matrix." + role, ("MATRIX." + role).ToUpperInvariant(), null, null, false, role,
                null, "s", "c", true, null, 0, Stamp.Of(DateTimeOffset.UtcNow)));
            var key = $"matrix-key-{role}";
            await store.People.IssueApiKeyAsync(DemoSeed.HashKey(key), new ApiKeyRecord(role, organisation.SubjectId, "matrix", organisation.Id, userId), DateTimeOffset.UtcNow);
            callers.Add((role, key));
        }
        return callers;
    }

    /// <summary>The pattern with dummy route values: ids that exist nowhere, names that match nothing.</summary>
    private static string Path(string pattern)
    {
        var parsed = RoutePatternFactory.Parse(pattern);
        var path = pattern;
        foreach (var parameter in parsed.Parameters)
        {
            var constraints = parameter.ParameterPolicies.Select(p => p.Content ?? "").ToList();
            var value = constraints.Contains("guid") ? "0193a000-0000-7000-8000-000000000000"
                : constraints.Contains("long") || constraints.Contains("int") ? "999999999"
                : "none";
            var token = pattern[pattern.IndexOf("{" + (parameter.IsCatchAll ? "*" : "") + parameter.Name, StringComparison.Ordinal)..];
            token = token[..(token.IndexOf('}') + 1)];
            path = path.Replace(token, value, StringComparison.Ordinal);
        }
        return path;
    }
}
