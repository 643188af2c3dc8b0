using System.Text.Json;
using OpenCcer.Application;
using OpenCcer.Application.ChangeRequests;
using OpenCcer.Application.People;
using OpenCcer.Server.People;

namespace OpenCcer.Server.Api;

/// <summary>
/// Cancellations with four eyes (<see cref="CancellationRequests"/>): one person of the holder requests it,
/// a different person of the same organisation confirms or rejects it.
/// </summary>
public static class CancellationRequestEndpoints
{
    private const string Path = "/api/v1/cancellation-requests";

    public static IEndpointRouteBuilder MapCancellationRequestEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Path).WithTags("Maker-checker")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        api.MapPost("", Request).RequireAuthorization(PeopleAuthentication.AccountHolderPolicy).Accepts<CancellationRequestBody>("application/json")
            .WithSummary("Request a cancellation (注销) of units of the organisation's registry account; the units are reserved.");
        api.MapGet("", async (HttpContext http, CancellationRequests requests, int? limit, int? offset) =>
                TypedResults.Ok((await requests.ListAsync(Caller.Of(http.User), Person.Of(http.User), limit, offset, http.RequestAborted))
                    .Select(q => ChangeRequests.View(q, null))))
            .RequireAuthorization(RegistryEndpoints.ReaderPolicy).WithSummary("Cancellation requests (own organisation's unless registry or regulator).");
        api.MapGet("/{id:guid}", async (HttpContext http, CancellationRequests requests, Guid id) =>
                (await requests.GetAsync(Caller.Of(http.User), Person.Of(http.User), id, http.RequestAborted)).ToResult(r => TypedResults.Ok(ChangeRequests.View(r.Request, r.History))))
            .RequireAuthorization(RegistryEndpoints.ReaderPolicy).WithSummary("One cancellation request with its history.");
        api.MapPost("/{id:guid}/confirm", async (HttpContext http, CancellationRequests requests, Guid id) =>
                (await requests.ConfirmAsync(Person.Of(http.User), id, http.RequestAborted)).ToResult(r => ChangeRequests.Respond(r, Path)))
            .RequireAuthorization(PeopleAuthentication.AccountHolderPolicy)
            .WithSummary("Confirm a cancellation request (a person other than the requester): the reserved units are cancelled.");
        api.MapPost("/{id:guid}/reject", Reject).RequireAuthorization(PeopleAuthentication.AccountHolderPolicy).Accepts<ReasonRequest>("application/json")
            .WithSummary("Reject or withdraw a cancellation request: the reserved units are released.");
        return app;
    }

    private static async Task<IResult> Request(HttpContext http, CancellationRequests requests, JsonSerializerOptions json)
    {
        var (body, problem) = await RequestReader.ReadAsync<CancellationRequestBody>(http, json);
        return problem ?? (await requests.RequestAsync(Person.Of(http.User), body!, http.RequestAborted)).ToResult(r => ChangeRequests.Respond(r, Path));
    }

    private static async Task<IResult> Reject(HttpContext http, CancellationRequests requests, JsonSerializerOptions json, Guid id)
    {
        var (body, problem) = await RequestReader.ReadAsync<ReasonRequest>(http, json);
        return problem ?? (await requests.RejectAsync(Person.Of(http.User), id, body!, http.RequestAborted)).ToResult(r => ChangeRequests.Respond(r, Path));
    }
}
