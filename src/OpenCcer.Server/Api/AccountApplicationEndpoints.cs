using System.Text.Json;
using OpenCcer.Application;
using OpenCcer.Application.People;
using OpenCcer.Core.Registry;
using OpenCcer.Server.People;
using OpenCcer.Storage.People;

namespace OpenCcer.Server.Api;

/// <summary>
/// Registry account opening (R 7) under <c>/api/v1/account-applications</c> (<see cref="AccountApplications"/>): an
/// organisation applies, the registry administrator takes the application into review, then approves or rejects it.
/// </summary>
public static class AccountApplicationEndpoints
{
    private const string Path = "/api/v1/account-applications";

    public static IEndpointRouteBuilder MapAccountApplicationEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Path).WithTags("Account opening")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        api.MapPost("", Apply).RequireAuthorization(PeopleAuthentication.AccountHolderPolicy).Accepts<AccountApplicationRequest>("application/json")
            .WithSummary("Apply for the caller's organisation's registry account.");
        api.MapGet("", async (HttpContext http, AccountApplications applications, int? limit, int? offset) =>
                TypedResults.Ok((await applications.ListAsync(Caller.Of(http.User), Person.Of(http.User), limit, offset, http.RequestAborted)).Select(View)))
            .RequireAuthorization(RegistryEndpoints.ReaderPolicy)
            .WithSummary("Applications, newest first, with review due dates and an overdue flag (own organisation's unless registry or regulator).");
        api.MapGet("/{id:guid}", async (HttpContext http, AccountApplications applications, Guid id) =>
                (await applications.GetAsync(Caller.Of(http.User), Person.Of(http.User), id, http.RequestAborted)).ToResult(Ok))
            .RequireAuthorization(RegistryEndpoints.ReaderPolicy).WithSummary("One application with its history.");
        api.MapPost("/{id:guid}/start-review", async (HttpContext http, AccountApplications applications, Guid id) =>
                (await applications.StartReviewAsync(Caller.Of(http.User), Person.Of(http.User), id, http.RequestAborted)).ToResult(Ok))
            .RequireAuthorization(RegistryEndpoints.AdministratorPolicy)
            .WithSummary("Take an application into review; the decision is due 15 working days later.");
        api.MapPost("/{id:guid}/approve", async (HttpContext http, AccountApplications applications, Guid id) =>
                (await applications.ApproveAsync(Caller.Of(http.User), Person.Of(http.User), id, http.RequestAborted)).ToResult(Ok))
            .RequireAuthorization(RegistryEndpoints.AdministratorPolicy)
            .WithSummary("Approve an application under review: the ledger opens the registry and trading accounts.");
        api.MapPost("/{id:guid}/reject", Reject).RequireAuthorization(RegistryEndpoints.AdministratorPolicy).Accepts<ReasonRequest>("application/json")
            .WithSummary("Reject an application under review, with a reason.");
        return app;
    }

    private static async Task<IResult> Apply(HttpContext http, AccountApplications applications, JsonSerializerOptions json)
    {
        var (body, problem) = await RequestReader.ReadAsync<AccountApplicationRequest>(http, json);
        return problem ?? (await applications.ApplyAsync(Person.Of(http.User), body!, http.RequestAborted)).ToResult(r => r.Created
            ? TypedResults.Created($"{Path}/{r.Application.Id}", View(r))
            : TypedResults.Ok(View(r)));
    }

    private static async Task<IResult> Reject(HttpContext http, AccountApplications applications, JsonSerializerOptions json, Guid id)
    {
        var (body, problem) = await RequestReader.ReadAsync<ReasonRequest>(http, json);
        return problem ?? (await applications.RejectAsync(Caller.Of(http.User), Person.Of(http.User), id, body!, http.RequestAborted)).ToResult(Ok);
    }

    private static IResult Ok(AccountApplicationResult r) => TypedResults.Ok(View(r));

    private static object View(AccountApplicationResult r) => View(r.Application, r.Overdue, r.History);

    private static object View(AccountApplicationRecord a, bool overdue, IReadOnlyList<WorkflowStep>? history) => new
    {
        a.Id,
        a.OrganisationId,
        a.SubjectId,
        a.SubjectName,
        HolderType = RequestReader.Snake(((HolderType)a.HolderType).ToString()),
        Status = RequestReader.Snake(a.Status.ToString()),
        a.AppliedAt,
        a.AppliedBy,
        a.ReviewDue,
        Overdue = overdue,
        a.DecidedAt,
        a.Reason,
        a.RegistryAccountId,
        History = history?.Select(WorkflowStepView.Of<AccountApplicationStatus>),
    };
}
