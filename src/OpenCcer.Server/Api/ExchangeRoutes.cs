using System.Text.Json;
using OpenCcer.Application;
using OpenCcer.Application.Exchange;
using OpenCcer.Core.Registry;

namespace OpenCcer.Server.Api;

/// <summary>
/// The exchange's write routes on a group: each reads its JSON body and passes it, the caller and, under a market
/// (<c>/markets/{projectCode}/{vintage}</c>), its instrument and the route's id to one handler (<see cref="ExchangeCall"/>).
/// </summary>
internal sealed class ExchangeRoutes(RouteGroupBuilder group)
{
    private const string Market = "/markets/{projectCode}/{vintage:int}";

    /// <summary>A write on every market.</summary>
    public RouteHandlerBuilder Post<THandler, TBody>(string pattern,
        Func<THandler, Caller, TBody, CancellationToken, Task<Outcome<ExchangeDone>>> handle) where THandler : notnull where TBody : class =>
        group.MapPost(pattern, (HttpContext h, JsonSerializerOptions j) =>
            ExchangeCall.Write<TBody>(h, j, (c, b, ct) => handle(Handler<THandler>(h), c, b, ct))).Accepts<TBody>("application/json");

    /// <summary>A write on one market, <paramref name="pattern"/> under it.</summary>
    public RouteHandlerBuilder PostOnMarket<THandler, TBody>(string pattern,
        Func<THandler, Caller, Instrument, TBody, CancellationToken, Task<Outcome<ExchangeDone>>> handle) where THandler : notnull where TBody : class =>
        group.MapPost(Market + pattern, (HttpContext h, JsonSerializerOptions j, string projectCode, int vintage) =>
            ExchangeCall.Write<TBody>(h, j, (c, b, ct) => handle(Handler<THandler>(h), c, new Instrument(projectCode, vintage), b, ct)))
            .Accepts<TBody>("application/json");

    /// <summary>A write on one item (a listing, a proposal, a bidding) of one market, <paramref name="pattern"/> under it.</summary>
    public RouteHandlerBuilder PostOnMarket<THandler, TBody>(string pattern,
        Func<THandler, Caller, Instrument, long, TBody, CancellationToken, Task<Outcome<ExchangeDone>>> handle) where THandler : notnull where TBody : class =>
        group.MapPost(Market + pattern, (HttpContext h, JsonSerializerOptions j, string projectCode, int vintage, long id) =>
            ExchangeCall.Write<TBody>(h, j, (c, b, ct) => handle(Handler<THandler>(h), c, new Instrument(projectCode, vintage), id, b, ct)))
            .Accepts<TBody>("application/json");

    // The handler comes from the request's services, not as a route handler parameter: ASP.NET Core's route handler
    // analyzer throws on a parameter of a generic type (dotnet/aspnetcore#56831), which fails the build.
    private static THandler Handler<THandler>(HttpContext http) where THandler : notnull => http.RequestServices.GetRequiredService<THandler>();
}
