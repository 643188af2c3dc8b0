using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using OpenCcer.Application;
using OpenCcer.Application.People;
using OpenCcer.Server.People;

namespace OpenCcer.Server.Api;

/// <summary>The registry administrator's register of organisations, their people and their API keys (<see cref="Administration"/>).</summary>
public static class AdminEndpoints
{
    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/v1/admin").WithTags("Administration").RequireAuthorization(RegistryEndpoints.AdministratorPolicy)
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403);
        admin.MapPost("/organisations", AddOrganisation).Accepts<OrganisationRequest>("application/json")
            .WithSummary("Register an organisation with its unified social credit code and its role.");
        admin.MapGet("/organisations", async (HttpContext http, Administration administration, int? limit, int? offset) =>
                (await administration.OrganisationsAsync(Caller.Of(http.User), limit, offset, http.RequestAborted)).ToResult())
            .WithSummary("Organisations by name.");
        admin.MapGet("/organisations/{id:guid}", async (HttpContext http, Administration administration, Guid id) =>
                (await administration.OrganisationAsync(Caller.Of(http.User), id, http.RequestAborted)).ToResult(o =>
                    TypedResults.Ok(new { o.Organisation, Users = o.Users.Select(u => View(User.From(u))) })))
            .WithSummary("One organisation with its people.");
        admin.MapPost("/organisations/{id:guid}/users", AddUser).Accepts<UserRequest>("application/json")
            .WithSummary("Add a person to an organisation, with an initial password.");
        admin.MapPost("/api-keys", IssueKey).Accepts<ApiKeyRequest>("application/json")
            .WithSummary("Issue an API key to an organisation or one of its people; the key is shown once and stored hashed.");
        return app;
    }

    private static async Task<IResult> AddOrganisation(HttpContext http, Administration administration, JsonSerializerOptions json)
    {
        var (body, problem) = await RequestReader.ReadAsync<OrganisationRequest>(http, json);
        return problem ?? (await administration.AddOrganisationAsync(Caller.Of(http.User), body!, http.RequestAborted))
            .ToResult(o => TypedResults.Created($"/api/v1/admin/organisations/{o.Id}", o));
    }

    /// <summary>The handler checks the person; ASP.NET Core Identity creates the user and checks the password, its errors named by field.</summary>
    private static async Task<IResult> AddUser(HttpContext http, Administration administration, UserManager<User> users, JsonSerializerOptions json,
        Guid id)
    {
        var (body, problem) = await RequestReader.ReadAsync<UserRequest>(http, json);
        if (problem is not null) return problem;
        var checkedUser = await administration.NewUserAsync(Caller.Of(http.User), id, body!, http.RequestAborted);
        if (!checkedUser.IsOk) return checkedUser.Refusal!.ToProblem();
        var n = checkedUser.Value!;
        var user = new User { OrganisationId = n.OrganisationId, UserName = n.UserName, Email = n.Email, DisplayName = n.DisplayName };
        var result = await users.CreateAsync(user, n.Password);
        if (result.Succeeded) return TypedResults.Created($"/api/v1/admin/organisations/{id}", View(user));
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateUserName)))
            return Problems.For(WorkflowStatus.UserNameTaken, $"User name '{n.UserName}' is taken.");
        return Problems.Invalid(result.Errors
            .GroupBy(e => e.Code.StartsWith("Password", StringComparison.Ordinal) ? "password"
                : e.Code.Contains("Email", StringComparison.Ordinal) ? "email" : "user_name")
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()));
    }

    private static async Task<IResult> IssueKey(HttpContext http, Administration administration, JsonSerializerOptions json)
    {
        var (body, problem) = await RequestReader.ReadAsync<ApiKeyRequest>(http, json);
        return problem ?? (await administration.IssueKeyAsync(Caller.Of(http.User), body!, http.RequestAborted)).ToResult(k => TypedResults.Created((string?)null, new
        {
            k.ApiKey,
            k.Record.Label,
            k.Record.Role,
            k.Record.SubjectId,
            k.Record.OrganisationId,
            k.Record.UserId,
            Note = "Shown once: only its SHA-256 hash is stored.",
        }));
    }

    private static object View(User u) => new
    {
        u.Id,
        u.OrganisationId,
        u.UserName,
        u.Email,
        u.DisplayName,
        LockedOutUntil = u.LockoutEnd,
        u.CreatedAt,
    };
}
