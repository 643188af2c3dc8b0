using System.Text.Json;
using OpenCcer.Application;
using OpenCcer.Application.Registry;
using OpenCcer.Storage;

namespace OpenCcer.Server.Api;

/// <summary>
/// The registry's write routes on a group: each reads its JSON body and passes it, the caller, whether the caller is a
/// signed-in person (people change accounts and cancel only through maker-checker requests) and the route's id to one
/// handler over the registry engine; the operation is the answer.
/// </summary>
internal sealed class RegistryWrites(RouteGroupBuilder group)
{
    /// <summary>A write without an id in the route.</summary>
    public RouteHandlerBuilder Post<TBody>(string pattern, string policy,
        Func<RegistryEngine, Caller, bool, TBody, CancellationToken, Task<Outcome<OperationView>>> handle) where TBody : class =>
        group.MapPost(pattern, (HttpContext http, RegistryEngine engine, JsonSerializerOptions json) =>
                With<TBody>(http, json, body => handle(engine, Caller.Of(http.User), IsPerson(http), body, http.RequestAborted)))
            .RequireAuthorization(policy).Accepts<TBody>("application/json");

    /// <summary>A write on one account, reservation or freeze.</summary>
    public RouteHandlerBuilder Post<TBody>(string pattern, string policy,
        Func<RegistryEngine, Caller, bool, long, TBody, CancellationToken, Task<Outcome<OperationView>>> handle) where TBody : class =>
        group.MapPost(pattern, (HttpContext http, RegistryEngine engine, JsonSerializerOptions json, long id) =>
                With<TBody>(http, json, body => handle(engine, Caller.Of(http.User), IsPerson(http), id, body, http.RequestAborted)))
            .RequireAuthorization(policy).Accepts<TBody>("application/json");

    /// <summary>Reads a JSON body and calls <paramref name="handle"/> with it, or answers the body's problem.</summary>
    private static async Task<IResult> With<TRequest>(HttpContext http, JsonSerializerOptions json,
        Func<TRequest, Task<Outcome<OperationView>>> handle) where TRequest : class
    {
        var (body, problem) = await RequestReader.ReadAsync<TRequest>(http, json);
        return problem ?? (await handle(body!)).ToResult();
    }

    /// <summary>A signed-in person (not a system's key).</summary>
    private static bool IsPerson(HttpContext http) => People.Member.Of(http.User) is not null;
}
