using System.Text.Json;
using OpenCcer.Application;

namespace OpenCcer.Server.Api;

/// <summary>
/// The step routes of a lifecycle (projects, reductions): each passes the caller, the route's id (and number) and,
/// where it takes one, a JSON body to the handler, and maps its outcome to the record's view as of today or a problem.
/// </summary>
internal sealed class LifecycleSteps<THandlers, TRecord>(RouteGroupBuilder group, Func<THandlers, DateOnly> today,
    Func<TRecord, DateOnly, object> view) where THandlers : notnull
{
    /// <summary>A step without a body.</summary>
    public RouteHandlerBuilder Post(string pattern, Func<THandlers, Caller, Guid, CancellationToken, Task<Outcome<TRecord>>> handle) =>
        group.MapPost(pattern, (HttpContext h, Guid id) => Step(h, (p, c, ct) => handle(p, c, id, ct)));

    /// <summary>A step with a JSON body.</summary>
    public RouteHandlerBuilder Post<TBody>(string pattern, Func<THandlers, Caller, Guid, TBody, CancellationToken, Task<Outcome<TRecord>>> handle)
        where TBody : class =>
        group.MapPost(pattern, (HttpContext h, JsonSerializerOptions j, Guid id) =>
            With<TBody>(h, j, (p, c, b, ct) => handle(p, c, id, b, ct))).Accepts<TBody>("application/json");

    /// <summary>A step on a numbered item (a comment, a corrective action) with a JSON body.</summary>
    public RouteHandlerBuilder Post<TBody>(string pattern,
        Func<THandlers, Caller, Guid, int, TBody, CancellationToken, Task<Outcome<TRecord>>> handle) where TBody : class =>
        group.MapPost(pattern, (HttpContext h, JsonSerializerOptions j, Guid id, int number) =>
            With<TBody>(h, j, (p, c, b, ct) => handle(p, c, id, number, b, ct))).Accepts<TBody>("application/json");

    /// <summary>A step with a JSON body and no id in the route.</summary>
    public RouteHandlerBuilder Post<TBody>(string pattern, Func<THandlers, Caller, TBody, CancellationToken, Task<Outcome<TRecord>>> handle)
        where TBody : class =>
        group.MapPost(pattern, (HttpContext h, JsonSerializerOptions j) =>
            With<TBody>(h, j, (p, c, b, ct) => handle(p, c, b, ct))).Accepts<TBody>("application/json");

    // The handlers come from the request's services, not as a route handler parameter: ASP.NET Core's route handler
    // analyzer throws on a parameter of a generic type (dotnet/aspnetcore#56831), which fails the build.
    private async Task<IResult> Step(HttpContext http, Func<THandlers, Caller, CancellationToken, Task<Outcome<TRecord>>> handle)
    {
        var handlers = http.RequestServices.GetRequiredService<THandlers>();
        var day = today(handlers);
        return (await handle(handlers, Caller.Of(http.User), http.RequestAborted)).ToResult(r => TypedResults.Ok(view(r, day)));
    }

    private async Task<IResult> With<TBody>(HttpContext http, JsonSerializerOptions json,
        Func<THandlers, Caller, TBody, CancellationToken, Task<Outcome<TRecord>>> handle) where TBody : class
    {
        var (body, problem) = await RequestReader.ReadAsync<TBody>(http, json);
        if (problem is not null) return problem;
        return await Step(http, (handlers, caller, ct) => handle(handlers, caller, body!, ct));
    }
}
