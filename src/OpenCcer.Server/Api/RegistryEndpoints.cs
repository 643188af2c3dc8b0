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

        var write = new RegistryWrites(api);
        write.Post<OpenAccountRequest>("/accounts", AdministratorPolicy, (e, c, _, b, ct) => Accounts(e).OpenAsync(c, b, ct))
            .WithSummary("Open a subject's registry account and its bound trading account.");
        api.MapGet("/accounts", ListAccounts).RequireAuthorization(ReaderPolicy).WithSummary("List accounts (registry, regulator).");
        api.MapGet("/accounts/{id:long}", GetAccount).RequireAuthorization(ReaderPolicy).WithSummary("One account.");
        api.MapGet("/accounts/{id:long}/holdings", GetHoldings).RequireAuthorization(ReaderPolicy)
            .WithSummary("Holdings of an account per instrument, with their serial blocks.");
        write.Post<AccountStateRequest>("/accounts/{id:long}/state", AdministratorPolicy,
                (e, c, person, id, b, ct) => Accounts(e).ChangeStateAsync(c, person, id, b, ct))
            .WithSummary("Restrict, reactivate or close a subject's accounts.");
        write.Post<AuthorityRequest>("/accounts/{id:long}/freeze", AdministratorPolicy, (e, c, _, id, b, ct) => Accounts(e).FreezeAsync(c, id, b, ct))
            .WithSummary("Judicially freeze an account.");
        write.Post<AuthorityRequest>("/accounts/{id:long}/unfreeze", AdministratorPolicy, (e, c, _, id, b, ct) => Accounts(e).UnfreezeAsync(c, id, b, ct))
            .WithSummary("Lift an account freeze.");
        write.Post<IssueRequest>("/issuances", AdministratorPolicy, (e, c, _, b, ct) => Units(e).IssueAsync(c, b, ct))
            .WithSummary("Issue units of a project and vintage into a registry account.");
        write.Post<TransferRequest>("/transfers", ReaderPolicy, (e, c, _, b, ct) => Units(e).TransferAsync(c, b, ct))
            .WithSummary("Move units between a subject's registry and trading accounts, or between holders by inheritance or court order (registry only).");
        write.Post<ReserveRequest>("/reservations", ReaderPolicy, (e, c, _, b, ct) => Reservations(e).ReserveAsync(c, b, ct))
            .WithSummary("Hold units for an order or a cancellation request.");
        api.MapGet("/reservations/{id:long}", GetReservation).RequireAuthorization(ReaderPolicy).WithSummary("One reservation.");
        write.Post<ReleaseRequest>("/reservations/{id:long}/release", ReaderPolicy, (e, c, _, id, b, ct) => Reservations(e).ReleaseAsync(c, id, b, ct))
            .WithSummary("Release reserved units back to available.");
        write.Post<SettleRequest>("/reservations/{id:long}/settle", ReaderPolicy, (e, c, _, id, b, ct) => Reservations(e).SettleAsync(c, id, b, ct))
            .WithSummary("Deliver reserved units to another trading account (exchange operator).");
        write.Post<CancelRequest>("/cancellations", ReaderPolicy, (e, c, person, b, ct) => Units(e).CancelAsync(c, person, b, ct))
            .WithSummary("Cancel (注销) units, with purpose and beneficiary.");
        write.Post<FreezeUnitsRequest>("/freezes", AdministratorPolicy, (e, c, _, b, ct) => Units(e).FreezeAsync(c, b, ct))
            .WithSummary("Judicially freeze specific units (a serial range or a quantity).");
        api.MapGet("/freezes/{id:long}", GetFreeze).RequireAuthorization(ReaderPolicy).WithSummary("One freeze.");
        write.Post<AuthorityRequest>("/freezes/{id:long}/lift", AdministratorPolicy, (e, c, _, id, b, ct) => Units(e).LiftFreezeAsync(c, id, b, ct))
            .WithSummary("Lift a unit freeze.");
        return app;
    }

    private static AccountHandlers Accounts(RegistryEngine engine) => new(engine);

    private static UnitHandlers Units(RegistryEngine engine) => new(engine);

    private static ReservationHandlers Reservations(RegistryEngine engine) => new(engine);

    private static async Task<IResult> ListAccounts(HttpContext http, RegistryEngine engine, int? limit, int? offset) =>
        (await Accounts(engine).ListAsync(Caller.Of(http.User), limit, offset, http.RequestAborted)).ToResult();

    private static async Task<IResult> GetAccount(HttpContext http, RegistryEngine engine, long id) =>
        (await Accounts(engine).GetAsync(Caller.Of(http.User), id, http.RequestAborted)).ToResult();

    private static async Task<IResult> GetHoldings(HttpContext http, RegistryEngine engine, SerialFormat format, long id) =>
        (await Accounts(engine).HoldingsAsync(Caller.Of(http.User), id, format, http.RequestAborted)).ToResult();

    private static async Task<IResult> GetFreeze(HttpContext http, RegistryEngine engine, long id) =>
        (await Units(engine).GetFreezeAsync(Caller.Of(http.User), id, http.RequestAborted)).ToResult();

    private static async Task<IResult> GetReservation(HttpContext http, RegistryEngine engine, long id) =>
        (await Reservations(engine).GetAsync(Caller.Of(http.User), id, http.RequestAborted)).ToResult();
}
