using System.Text.Json;
using OpenCcer.Application;
using OpenCcer.Application.ChangeRequests;
using OpenCcer.Application.People;
using OpenCcer.Server.People;

namespace OpenCcer.Server.Api;

/// <summary>
/// The routes of one kind of maker-checker request under <paramref name="Path"/>: request, list, read, confirm and reject,
/// each one call of the kind's <see cref="IChangeRequests{TBody}"/>. Those who may write (request, confirm, reject) and
/// those who may read are named by policy; the summaries are the kind's own.
/// </summary>
public sealed record ChangeRequestRoutes(string Path, string WritePolicy, string ReadPolicy, string RequestSummary, string ListSummary,
    string GetSummary, string ConfirmSummary, string RejectSummary)
{
    public IEndpointRouteBuilder Map<THandler, TBody>(IEndpointRouteBuilder app) where THandler : IChangeRequests<TBody> where TBody : class
    {
        var api = app.MapGroup(Path).WithTags("Maker-checker")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        api.MapPost("", async (HttpContext http, JsonSerializerOptions json) =>
            {
                var (body, problem) = await RequestReader.ReadAsync<TBody>(http, json);
                return problem ?? (await Handler<THandler, TBody>(http).RequestAsync(Person.Of(http.User), body!, http.RequestAborted)).ToResult(Respond);
            })
            .RequireAuthorization(WritePolicy).Accepts<TBody>("application/json").WithSummary(RequestSummary);
        api.MapGet("", async (HttpContext http, int? limit, int? offset) =>
                TypedResults.Ok((await Handler<THandler, TBody>(http).ListAsync(Caller.Of(http.User), Person.Of(http.User), limit, offset, http.RequestAborted))
                    .Select(q => ChangeRequests.View(q, null))))
            .RequireAuthorization(ReadPolicy).WithSummary(ListSummary);
        api.MapGet("/{id:guid}", async (HttpContext http, Guid id) =>
                (await Handler<THandler, TBody>(http).GetAsync(Caller.Of(http.User), Person.Of(http.User), id, http.RequestAborted))
                    .ToResult(r => TypedResults.Ok(ChangeRequests.View(r.Request, r.History))))
            .RequireAuthorization(ReadPolicy).WithSummary(GetSummary);
        api.MapPost("/{id:guid}/confirm", async (HttpContext http, Guid id) =>
                (await Handler<THandler, TBody>(http).ConfirmAsync(Person.Of(http.User), id, http.RequestAborted)).ToResult(Respond))
            .RequireAuthorization(WritePolicy).WithSummary(ConfirmSummary);
        api.MapPost("/{id:guid}/reject", async (HttpContext http, JsonSerializerOptions json, Guid id) =>
            {
                var (body, problem) = await RequestReader.ReadAsync<ReasonRequest>(http, json);
                return problem ?? (await Handler<THandler, TBody>(http).RejectAsync(Person.Of(http.User), id, body!, http.RequestAborted)).ToResult(Respond);
            })
            .RequireAuthorization(WritePolicy).Accepts<ReasonRequest>("application/json").WithSummary(RejectSummary);
        return app;
    }

    // The handler comes from the request's services, not as a route handler parameter: ASP.NET Core's route handler
    // analyzer throws on a parameter of a generic type (dotnet/aspnetcore#56831), which fails the build.
    private static IChangeRequests<TBody> Handler<THandler, TBody>(HttpContext http) where THandler : IChangeRequests<TBody> =>
        http.RequestServices.GetRequiredService<THandler>();

    private IResult Respond(ChangeRequestResult result) => ChangeRequests.Respond(result, Path);
}
