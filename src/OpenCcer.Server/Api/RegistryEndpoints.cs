using System.Text.Json;
using OpenCcer.Application;
using OpenCcer.Application.Registry;
using OpenCcer.Core.Registry;
using OpenCcer.Storage;

namespace OpenCcer.Server.Api;

/// <summary>
/// Registry writes and account reads under <c>/api/v1</c>. Every write needs an API key. Each endpoint maps
/// its input to one handler of <see cref="OpenCcer.Application.Registry"/> and the outcome to an answer; the
/// rules of who may do what are the handlers'.
/// </summary>
public static class RegistryEndpoints
{
    public const string AdministratorPolicy = "registry-administrator";
    public const string ReaderPolicy = "authenticated";

    public static IEndpointRouteBuilder MapRegistryEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Registry").ProducesProblem(400).ProducesProblem(401).ProducesProblem(403);

        api.MapPost("/accounts", OpenAccount).RequireAuthorization(AdministratorPolicy).Accepts<OpenAccountRequest>("application/json")
            .WithSummary("Open a subject's registry account and its bound trading account.");
        api.MapGet("/accounts", ListAccounts).RequireAuthorization(ReaderPolicy).WithSummary("List accounts (registry, regulator).");
        api.MapGet("/accounts/{id:long}", GetAccount).RequireAuthorization(ReaderPolicy).WithSummary("One account.");
        api.MapGet("/accounts/{id:long}/holdings", GetHoldings).RequireAuthorization(ReaderPolicy)
            .WithSummary("Holdings of an account per instrument, with their serial blocks.");
        api.MapPost("/accounts/{id:long}/state", ChangeState).RequireAuthorization(AdministratorPolicy).Accepts<AccountStateRequest>("application/json")
            .WithSummary("Restrict, reactivate or close a subject's accounts.");
        api.MapPost("/accounts/{id:long}/freeze", FreezeAccount).RequireAuthorization(AdministratorPolicy).Accepts<AuthorityRequest>("application/json")
            .WithSummary("Judicially freeze an account.");
        api.MapPost("/accounts/{id:long}/unfreeze", UnfreezeAccount).RequireAuthorization(AdministratorPolicy).Accepts<AuthorityRequest>("application/json")
            .WithSummary("Lift an account freeze.");
        api.MapPost("/issuances", Issue).RequireAuthorization(AdministratorPolicy).Accepts<IssueRequest>("application/json")
            .WithSummary("Issue units of a project and vintage into a registry account.");
        api.MapPost("/transfers", Transfer).RequireAuthorization(ReaderPolicy).Accepts<TransferRequest>("application/json")
            .WithSummary("Move units between a subject's registry and trading accounts, or between holders by inheritance or court order (registry only).");
        api.MapPost("/reservations", Reserve).RequireAuthorization(ReaderPolicy).Accepts<ReserveRequest>("application/json")
            .WithSummary("Hold units for an order or a cancellation request.");
        api.MapGet("/reservations/{id:long}", GetReservation).RequireAuthorization(ReaderPolicy).WithSummary("One reservation.");
        api.MapPost("/reservations/{id:long}/release", Release).RequireAuthorization(ReaderPolicy).Accepts<ReleaseRequest>("application/json")
            .WithSummary("Release reserved units back to available.");
        api.MapPost("/reservations/{id:long}/settle", Settle).RequireAuthorization(ReaderPolicy).Accepts<SettleRequest>("application/json")
            .WithSummary("Deliver reserved units to another trading account (exchange operator).");
        api.MapPost("/cancellations", Cancel).RequireAuthorization(ReaderPolicy).Accepts<CancelRequest>("application/json")
            .WithSummary("Cancel (注销) units, with purpose and beneficiary.");
        api.MapPost("/freezes", FreezeUnits).RequireAuthorization(AdministratorPolicy).Accepts<FreezeUnitsRequest>("application/json")
            .WithSummary("Judicially freeze specific units (a serial range or a quantity).");
        api.MapGet("/freezes/{id:long}", GetFreeze).RequireAuthorization(ReaderPolicy).WithSummary("One freeze.");
        api.MapPost("/freezes/{id:long}/lift", LiftFreeze).RequireAuthorization(AdministratorPolicy).Accepts<AuthorityRequest>("application/json")
            .WithSummary("Lift a unit freeze.");
        return app;
    }

    /// <summary>Reads a JSON body and calls <paramref name="handle"/> with it, or answers the body's problem.</summary>
    private static async Task<IResult> With<TRequest>(HttpContext http, JsonSerializerOptions json,
        Func<TRequest, Task<Outcome<OperationView>>> handle) where TRequest : class
    {
        var (body, problem) = await RequestReader.ReadAsync<TRequest>(http, json);
        return problem ?? (await handle(body!)).ToResult();
    }

    /// <summary>A signed-in person (not a system's key): people change accounts and cancel only through maker-checker requests.</summary>
    private static bool IsPerson(HttpContext http) => People.Member.Of(http.User) is not null;

    private static AccountHandlers Accounts(RegistryEngine engine) => new(engine);

    private static UnitHandlers Units(RegistryEngine engine) => new(engine);

    private static ReservationHandlers Reservations(RegistryEngine engine) => new(engine);

    private static Task<IResult> OpenAccount(HttpContext http, RegistryEngine engine, JsonSerializerOptions json) =>
        With<OpenAccountRequest>(http, json, body => Accounts(engine).OpenAsync(Caller.Of(http.User), body, http.RequestAborted));

    private static async Task<IResult> ListAccounts(HttpContext http, RegistryEngine engine, int? limit, int? offset) =>
        (await Accounts(engine).ListAsync(Caller.Of(http.User), limit, offset, http.RequestAborted)).ToResult();

    private static async Task<IResult> GetAccount(HttpContext http, RegistryEngine engine, long id) =>
        (await Accounts(engine).GetAsync(Caller.Of(http.User), id, http.RequestAborted)).ToResult();

    private static async Task<IResult> GetHoldings(HttpContext http, RegistryEngine engine, SerialFormat format, long id) =>
        (await Accounts(engine).HoldingsAsync(Caller.Of(http.User), id, format, http.RequestAborted)).ToResult();

    private static Task<IResult> ChangeState(HttpContext http, RegistryEngine engine, JsonSerializerOptions json, long id) =>
        With<AccountStateRequest>(http, json, body => Accounts(engine).ChangeStateAsync(Caller.Of(http.User), IsPerson(http), id, body, http.RequestAborted));

    private static Task<IResult> FreezeAccount(HttpContext http, RegistryEngine engine, JsonSerializerOptions json, long id) =>
        With<AuthorityRequest>(http, json, body => Accounts(engine).FreezeAsync(Caller.Of(http.User), id, body, http.RequestAborted));

    private static Task<IResult> UnfreezeAccount(HttpContext http, RegistryEngine engine, JsonSerializerOptions json, long id) =>
        With<AuthorityRequest>(http, json, body => Accounts(engine).UnfreezeAsync(Caller.Of(http.User), id, body, http.RequestAborted));

    private static Task<IResult> Issue(HttpContext http, RegistryEngine engine, JsonSerializerOptions json) =>
        With<IssueRequest>(http, json, body => Units(engine).IssueAsync(Caller.Of(http.User), body, http.RequestAborted));

    private static Task<IResult> Transfer(HttpContext http, RegistryEngine engine, JsonSerializerOptions json) =>
        With<TransferRequest>(http, json, body => Units(engine).TransferAsync(Caller.Of(http.User), body, http.RequestAborted));

    private static Task<IResult> Cancel(HttpContext http, RegistryEngine engine, JsonSerializerOptions json) =>
        With<CancelRequest>(http, json, body => Units(engine).CancelAsync(Caller.Of(http.User), IsPerson(http), body, http.RequestAborted));

    private static Task<IResult> FreezeUnits(HttpContext http, RegistryEngine engine, JsonSerializerOptions json) =>
        With<FreezeUnitsRequest>(http, json, body => Units(engine).FreezeAsync(Caller.Of(http.User), body, http.RequestAborted));

    private static Task<IResult> LiftFreeze(HttpContext http, RegistryEngine engine, JsonSerializerOptions json, long id) =>
        With<AuthorityRequest>(http, json, body => Units(engine).LiftFreezeAsync(Caller.Of(http.User), id, body, http.RequestAborted));

    private static async Task<IResult> GetFreeze(HttpContext http, RegistryEngine engine, long id) =>
        (await Units(engine).GetFreezeAsync(Caller.Of(http.User), id, http.RequestAborted)).ToResult();

    private static Task<IResult> Reserve(HttpContext http, RegistryEngine engine, JsonSerializerOptions json) =>
        With<ReserveRequest>(http, json, body => Reservations(engine).ReserveAsync(Caller.Of(http.User), body, http.RequestAborted));

    private static async Task<IResult> GetReservation(HttpContext http, RegistryEngine engine, long id) =>
        (await Reservations(engine).GetAsync(Caller.Of(http.User), id, http.RequestAborted)).ToResult();

    private static Task<IResult> Release(HttpContext http, RegistryEngine engine, JsonSerializerOptions json, long id) =>
        With<ReleaseRequest>(http, json, body => Reservations(engine).ReleaseAsync(Caller.Of(http.User), id, body, http.RequestAborted));

    private static Task<IResult> Settle(HttpContext http, RegistryEngine engine, JsonSerializerOptions json, long id) =>
        With<SettleRequest>(http, json, body => Reservations(engine).SettleAsync(Caller.Of(http.User), id, body, http.RequestAborted));
}
