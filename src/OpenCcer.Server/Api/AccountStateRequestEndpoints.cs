using System.Text.Json;
using OpenCcer.Application;
using OpenCcer.Application.ChangeRequests;
using OpenCcer.Application.People;
using OpenCcer.Server.People;

namespace OpenCcer.Server.Api;

/// <summary>
/// Account state changes with four eyes (R 8, <see cref="AccountStateRequests"/>): one registry administrator
/// asks to restrict, reactivate or close a subject's accounts; another confirms or rejects it.
/// </summary>
public static class AccountStateRequestEndpoints
{
    private const string Path = "/api/v1/account-state-requests";

    public static IEndpointRouteBuilder MapAccountStateRequestEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Path).WithTags("Maker-checker")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        api.MapPost("", Request).RequireAuthorization(RegistryEndpoints.AdministratorPolicy).Accepts<AccountStateRequestBody>("application/json")
            .WithSummary("Ask to restrict, reactivate or close a subject's accounts; another administrator confirms.");
        api.MapGet("", async (HttpContext http, AccountStateRequests requests, int? limit, int? offset) =>
                TypedResults.Ok((await requests.ListAsync(Caller.Of(http.User), Person.Of(http.User), limit, offset, http.RequestAborted))
                    .Select(q => ChangeRequests.View(q, null))))
            .RequireAuthorization(PeopleAuthentication.SupervisorPolicy).WithSummary("Account state requests, newest first.");
        api.MapGet("/{id:guid}", async (HttpContext http, AccountStateRequests requests, Guid id) =>
                (await requests.GetAsync(Caller.Of(http.User), Person.Of(http.User), id, http.RequestAborted)).ToResult(r => TypedResults.Ok(ChangeRequests.View(r.Request, r.History))))
            .RequireAuthorization(PeopleAuthentication.SupervisorPolicy).WithSummary("One account state request with its history.");
        api.MapPost("/{id:guid}/confirm", async (HttpContext http, AccountStateRequests requests, Guid id) =>
                (await requests.ConfirmAsync(Person.Of(http.User), id, http.RequestAborted)).ToResult(r => ChangeRequests.Respond(r, Path)))
            .RequireAuthorization(RegistryEndpoints.AdministratorPolicy)
            .WithSummary("Confirm (a different administrator): the ledger changes the accounts' state.");
        api.MapPost("/{id:guid}/reject", Reject).RequireAuthorization(RegistryEndpoints.AdministratorPolicy).Accepts<ReasonRequest>("application/json")
            .WithSummary("Reject or withdraw an account state request.");
        return app;
    }

    private static async Task<IResult> Request(HttpContext http, AccountStateRequests requests, JsonSerializerOptions json)
    {
        var (body, problem) = await RequestReader.ReadAsync<AccountStateRequestBody>(http, json);
        return problem ?? (await requests.RequestAsync(Person.Of(http.User), body!, http.RequestAborted)).ToResult(r => ChangeRequests.Respond(r, Path));
    }

    private static async Task<IResult> Reject(HttpContext http, AccountStateRequests requests, JsonSerializerOptions json, Guid id)
    {
        var (body, problem) = await RequestReader.ReadAsync<ReasonRequest>(http, json);
        return problem ?? (await requests.RejectAsync(Person.Of(http.User), id, body!, http.RequestAborted)).ToResult(r => ChangeRequests.Respond(r, Path));
    }
}
