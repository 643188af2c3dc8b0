using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using OpenCcer.Application;
using OpenCcer.Core.Lifecycle;
using OpenCcer.Server.People;
using OpenCcer.Storage;
using OpenCcer.Storage.People;

namespace OpenCcer.Server.Api;

/// <summary>The registry administrator's register of organisations, their people and their API keys.</summary>
public static class AdminEndpoints
{
    public const int SubjectIdLength = 18;
    private const int NameLengthMax = 200;

    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/v1/admin").WithTags("Administration").RequireAuthorization(RegistryEndpoints.AdministratorPolicy)
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403);
        admin.MapPost("/organisations", AddOrganisation).Accepts<OrganisationRequest>("application/json")
            .WithSummary("Register an organisation with its unified social credit code and its role.");
        admin.MapGet("/organisations", (LedgerStore store, int? limit, int? offset, CancellationToken ct) =>
            store.People.OrganisationsAsync(limit ?? 100, offset ?? 0, ct)).WithSummary("Organisations by name.");
        admin.MapGet("/organisations/{id:guid}", GetOrganisation).WithSummary("One organisation with its people.");
        admin.MapPost("/organisations/{id:guid}/users", AddUser).Accepts<UserRequest>("application/json")
            .WithSummary("Add a person to an organisation, with an initial password.");
        admin.MapPost("/api-keys", IssueKey).Accepts<ApiKeyRequest>("application/json")
            .WithSummary("Issue an API key to an organisation or one of its people; the key is shown once and stored hashed.");
        return app;
    }

    private static async Task<IResult> AddOrganisation(HttpContext http, LedgerStore store, TimeProvider time, JsonSerializerOptions json)
    {
        var (body, problem) = await RequestReader.ReadAsync<OrganisationRequest>(http, json);
        if (problem is not null) return problem;
        var r = new Fields();
        var name = r.Required("name", body!.Name);
        if (name.Length > NameLengthMax) r.Fail("name", $"At most {NameLengthMax} characters.");
        var subject = r.Required("subject_id", body.SubjectId);
        if (subject.Length > 0 && (subject.Length != SubjectIdLength || !subject.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c))))
            r.Fail("subject_id", $"The unified social credit code: {SubjectIdLength} digits and capital letters.");
        if (body.Role is null || !Roles.OrganisationRoles.Contains(body.Role))
            r.Fail("role", $"One of: {string.Join(", ", Roles.OrganisationRoles)}.");
        if (r.HasErrors) return r.Refusal().ToProblem();
        var organisation = new OrganisationRecord(Guid.CreateVersion7(time.GetUtcNow()).ToString(), subject, name, body.Role!, Stamp.Of(time.GetUtcNow()));
        if (await store.People.AddOrganisationAsync(organisation, http.RequestAborted) == InsertOutcome.Duplicate)
            return Problems.For(WorkflowStatus.SubjectIdTaken, $"Subject {subject} is registered.");
        return TypedResults.Created($"/api/v1/admin/organisations/{organisation.Id}", organisation);
    }

    private static async Task<IResult> GetOrganisation(LedgerStore store, Guid id, CancellationToken ct)
    {
        var organisation = await store.People.OrganisationAsync(id.ToString(), ct);
        if (organisation is null) return Problems.For(WorkflowStatus.OrganisationNotFound);
        var users = await store.People.UsersOfOrganisationAsync(organisation.Id, ct);
        return TypedResults.Ok(new { Organisation = organisation, Users = users.Select(u => View(User.From(u))) });
    }

    private static async Task<IResult> AddUser(HttpContext http, LedgerStore store, UserManager<User> users, JsonSerializerOptions json, Guid id)
    {
        var (body, problem) = await RequestReader.ReadAsync<UserRequest>(http, json);
        if (problem is not null) return problem;
        var r = new Fields();
        var name = r.Required("user_name", body!.UserName);
        var email = r.Required("email", body.Email);
        var display = r.Required("display_name", body.DisplayName);
        var password = r.Required("password", body.Password);
        if (display.Length > NameLengthMax) r.Fail("display_name", $"At most {NameLengthMax} characters.");
        if (r.HasErrors) return r.Refusal().ToProblem();
        if (await store.People.OrganisationAsync(id.ToString(), http.RequestAborted) is null) return Problems.For(WorkflowStatus.OrganisationNotFound);
        var user = new User { OrganisationId = id.ToString(), UserName = name, Email = email, DisplayName = display };
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded) return TypedResults.Created($"/api/v1/admin/organisations/{id}", View(user));
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateUserName)))
            return Problems.For(WorkflowStatus.UserNameTaken, $"User name '{name}' is taken.");
        return Problems.Invalid(result.Errors
            .GroupBy(e => e.Code.StartsWith("Password", StringComparison.Ordinal) ? "password"
                : e.Code.Contains("Email", StringComparison.Ordinal) ? "email" : "user_name")
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()));
    }

    private static async Task<IResult> IssueKey(HttpContext http, LedgerStore store, TimeProvider time, JsonSerializerOptions json)
    {
        var (body, problem) = await RequestReader.ReadAsync<ApiKeyRequest>(http, json);
        if (problem is not null) return problem;
        var r = new Fields();
        var organisationId = r.Required("organisation_id", body!.OrganisationId);
        var label = r.Required("label", body.Label);
        if (label.Length > NameLengthMax) r.Fail("label", $"At most {NameLengthMax} characters.");
        if (r.HasErrors) return r.Refusal().ToProblem();
        var organisation = await store.People.OrganisationAsync(organisationId, http.RequestAborted);
        if (organisation is null) return Problems.For(WorkflowStatus.OrganisationNotFound);
        if (body.UserId is not null)
        {
            var user = await store.People.UserAsync(body.UserId, http.RequestAborted);
            if (user is null) return Problems.For(WorkflowStatus.UserNotFound);
            if (user.OrganisationId != organisation.Id) return Problems.For(WorkflowStatus.OtherOrganisation, "The user is not in this organisation.");
        }
        var key = "ccer_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var record = new ApiKeyRecord(organisation.Role, organisation.SubjectId, label, organisation.Id, body.UserId);
        await store.People.IssueApiKeyAsync(DemoSeed.HashKey(key), record, time.GetUtcNow(), http.RequestAborted);
        return TypedResults.Created((string?)null, new
        {
            ApiKey = key,
            record.Label,
            record.Role,
            record.SubjectId,
            record.OrganisationId,
            record.UserId,
            Note = "Shown once: only its SHA-256 hash is stored.",
        });
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
