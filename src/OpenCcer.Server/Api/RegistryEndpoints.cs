using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenCcer.Application;
using OpenCcer.Core.Lifecycle;
using OpenCcer.Core.Registry;
using OpenCcer.Storage;
using OpenCcer.Storage.Projections;

namespace OpenCcer.Server.Api;

/// <summary>Registry writes and account reads under <c>/api/v1</c>. Every write needs an API key.</summary>
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

    private static async Task<IResult> OpenAccount(HttpContext http, RegistryEngine engine, JsonSerializerOptions json)
    {
        var (body, problem) = await RequestReader.ReadAsync<OpenAccountRequest>(http, json);
        if (problem is not null) return problem;
        var r = new Fields();
        var op = r.OperationId(body!.OperationId);
        var subject = r.Required("subject_id", body.SubjectId);
        var name = r.Required("subject_name", body.SubjectName);
        var type = r.Enum<HolderType>("holder_type", body.HolderType);
        if (r.HasErrors) return r.Refusal().ToProblem();
        return await Operations.SubmitAsync(engine, op, new OpenAccount(subject, name, type), http.RequestAborted);
    }

    private static async Task<IResult> ListAccounts(HttpContext http, LedgerStore store, int? limit, int? offset)
    {
        var caller = Caller.Of(http.User);
        if (caller.Role is not (Role.RegistryAdministrator or Role.Regulator))
        {
            if (caller.SubjectId is null) return Problems.Forbidden("Only the registry and the regulator list all accounts.");
            return TypedResults.Ok(await store.AccountsOfSubjectAsync(caller.SubjectId, http.RequestAborted));
        }
        return TypedResults.Ok(await store.AccountsAsync(limit ?? 100, offset ?? 0, http.RequestAborted));
    }

    private static async Task<(AccountRow? Account, IResult? Problem)> ReadableAccount(HttpContext http, LedgerStore store, long id)
    {
        var account = await store.AccountAsync(id, http.RequestAborted);
        if (account is null) return (null, Problems.For(LedgerStatus.AccountNotFound, $"No account {id}."));
        return Caller.Of(http.User).MayRead(account.SubjectId) ? (account, null) : (null, Problems.Forbidden("This account belongs to another subject."));
    }

    private static async Task<IResult> GetAccount(HttpContext http, LedgerStore store, long id)
    {
        var (account, problem) = await ReadableAccount(http, store, id);
        return problem ?? TypedResults.Ok(account);
    }

    private static async Task<IResult> GetHoldings(HttpContext http, LedgerStore store, SerialFormat format, long id)
    {
        var (_, problem) = await ReadableAccount(http, store, id);
        if (problem is not null) return problem;
        var holdings = await store.HoldingsAsync(id, http.RequestAborted);
        var blocks = await store.BlocksAsync(id, http.RequestAborted);
        return TypedResults.Ok(holdings.Select(h => new
        {
            h.ProjectCode,
            h.Vintage,
            AvailableTonnes = h.Available,
            ReservedTonnes = h.Reserved,
            FrozenTonnes = h.Frozen,
            CancelledTonnes = h.Cancelled,
            Blocks = blocks.Where(b => b.ProjectCode == h.ProjectCode && b.Vintage == h.Vintage).Select(b => new
            {
                Serial = format.Render(new Instrument(b.ProjectCode, b.Vintage), b.First, b.Last),
                FirstSerial = b.First,
                LastSerial = b.Last,
                QuantityTonnes = b.Last - b.First + 1,
                State = RequestReader.Snake(((UnitState)b.State).ToString()),
                b.IssuanceId,
                b.Hold,
            }),
        }));
    }

    private static async Task<IResult> ChangeState(HttpContext http, RegistryEngine engine, JsonSerializerOptions json, long id)
    {
        var (body, problem) = await RequestReader.ReadAsync<AccountStateRequest>(http, json);
        if (problem is not null) return problem;
        var r = new Fields();
        var op = r.OperationId(body!.OperationId);
        var state = r.Enum<AccountState>("state", body.State);
        var reason = r.Required("reason", body.Reason);
        if (r.HasErrors) return r.Refusal().ToProblem();
        if (People.Member.Of(http.User) is not null) return Problems.MakerCheckerRequired("/api/v1/account-state-requests");
        return await Operations.SubmitAsync(engine, op, new ChangeAccountState(new AccountId(id), state, reason), http.RequestAborted);
    }

    private static Task<IResult> FreezeAccount(HttpContext http, RegistryEngine engine, JsonSerializerOptions json, long id) =>
        Authority(http, engine, json, reference => new FreezeAccount(new AccountId(id), reference));

    private static Task<IResult> UnfreezeAccount(HttpContext http, RegistryEngine engine, JsonSerializerOptions json, long id) =>
        Authority(http, engine, json, reference => new UnfreezeAccount(new AccountId(id), reference));

    private static Task<IResult> LiftFreeze(HttpContext http, RegistryEngine engine, JsonSerializerOptions json, long id) =>
        Authority(http, engine, json, reference => new UnfreezeUnits(new FreezeId(id), reference));

    private static async Task<IResult> Authority(HttpContext http, RegistryEngine engine, JsonSerializerOptions json,
        Func<string, LedgerCommand> command)
    {
        var (body, problem) = await RequestReader.ReadAsync<AuthorityRequest>(http, json);
        if (problem is not null) return problem;
        var r = new Fields();
        var op = r.OperationId(body!.OperationId);
        var reference = r.Required("authority_reference", body.AuthorityReference);
        if (r.HasErrors) return r.Refusal().ToProblem();
        return await Operations.SubmitAsync(engine, op, command(reference), http.RequestAborted);
    }

    private static async Task<IResult> Issue(HttpContext http, RegistryEngine engine, JsonSerializerOptions json)
    {
        var (body, problem) = await RequestReader.ReadAsync<IssueRequest>(http, json);
        if (problem is not null) return problem;
        var r = new Fields();
        var op = r.OperationId(body!.OperationId);
        var reference = r.Required("reference", body.Reference);
        var instrument = r.Instrument(body.ProjectCode, body.Vintage);
        var quantity = r.Quantity("quantity_tonnes", body.QuantityTonnes);
        var account = r.Required("account_id", body.AccountId);
        if (r.HasErrors) return r.Refusal().ToProblem();
        return await Operations.SubmitAsync(engine, op,
            new IssueUnits(reference, instrument, quantity, new AccountId(account)), http.RequestAborted);
    }

    /// <summary>Loads the account a participant wants to act on and checks it is theirs.</summary>
    private static async Task<IResult?> MustOwn(HttpContext http, LedgerStore store, long accountId, bool exchangeMay = false)
    {
        var caller = Caller.Of(http.User);
        if (caller.IsAdministrator || (exchangeMay && caller.Role == Role.ExchangeOperator)) return null;
        if (!Roles.HoldsAccounts(caller.Role)) return Problems.Forbidden($"The {caller.Role} role cannot do this.");
        var account = await store.AccountAsync(accountId, http.RequestAborted);
        if (account is null) return Problems.For(LedgerStatus.AccountNotFound, $"No account {accountId}.");
        return caller.Owns(account.SubjectId) ? null : Problems.Forbidden("This account belongs to another subject.");
    }

    private static async Task<IResult> Transfer(HttpContext http, RegistryEngine engine, LedgerStore store, JsonSerializerOptions json)
    {
        var (body, problem) = await RequestReader.ReadAsync<TransferRequest>(http, json);
        if (problem is not null) return problem;
        var r = new Fields();
        var op = r.OperationId(body!.OperationId);
        var from = r.Required("from_account_id", body.FromAccountId);
        var to = r.Required("to_account_id", body.ToAccountId);
        var instrument = r.Instrument(body.ProjectCode, body.Vintage);
        var quantity = r.Quantity("quantity_tonnes", body.QuantityTonnes);
        var reason = r.Enum<TransferReason>("reason", body.Reason);
        if (r.HasErrors) return r.Refusal().ToProblem();
        var legal = reason is TransferReason.Inheritance or TransferReason.CourtEnforcement;
        if (legal && !Caller.Of(http.User).IsAdministrator)
            return Problems.Forbidden("Transfers by inheritance or court enforcement are recorded by the registry administrator.");
        if (!legal && await MustOwn(http, store, from) is { } denied) return denied;
        return await Operations.SubmitAsync(engine, op, new TransferUnits(new AccountId(from), new AccountId(to),
            instrument, quantity, reason, body.AuthorityReference), http.RequestAborted);
    }

    private static async Task<IResult> Reserve(HttpContext http, RegistryEngine engine, LedgerStore store, JsonSerializerOptions json)
    {
        var (body, problem) = await RequestReader.ReadAsync<ReserveRequest>(http, json);
        if (problem is not null) return problem;
        var r = new Fields();
        var op = r.OperationId(body!.OperationId);
        var account = r.Required("account_id", body.AccountId);
        var instrument = r.Instrument(body.ProjectCode, body.Vintage);
        var quantity = r.Quantity("quantity_tonnes", body.QuantityTonnes);
        var purpose = r.Required("purpose", body.Purpose);
        if (OpenCcer.Core.Exchange.LedgerBridge.IsExchangePurpose(purpose))
            r.Fail("purpose", $"A purpose beginning with \"{OpenCcer.Core.Exchange.LedgerBridge.PurposePrefix}\" is the exchange's; the exchange reserves units itself.");
        if (r.HasErrors) return r.Refusal().ToProblem();
        if (await MustOwn(http, store, account, exchangeMay: true) is { } denied) return denied;
        return await Operations.SubmitAsync(engine, op,
            new ReserveUnits(new AccountId(account), instrument, quantity, purpose), http.RequestAborted);
    }

    private static async Task<(ReservationRow? Reservation, IResult? Problem)> OwnReservation(HttpContext http, LedgerStore store, long id, bool exchangeMay)
    {
        var reservation = await store.ReservationAsync(id, http.RequestAborted);
        if (reservation is null) return (null, Problems.For(LedgerStatus.ReservationNotFound, $"No reservation {id}."));
        return (reservation, await MustOwn(http, store, reservation.AccountId, exchangeMay));
    }

    private static async Task<IResult> GetReservation(HttpContext http, LedgerStore store, long id)
    {
        var (reservation, problem) = await OwnReservation(http, store, id, exchangeMay: true);
        if (problem is not null && Caller.Of(http.User).Role != Role.Regulator) return problem;
        return reservation is null ? problem! : TypedResults.Ok(reservation);
    }

    private static async Task<IResult> Release(HttpContext http, RegistryEngine engine, LedgerStore store, JsonSerializerOptions json, long id)
    {
        var (body, problem) = await RequestReader.ReadAsync<ReleaseRequest>(http, json);
        if (problem is not null) return problem;
        var r = new Fields();
        var op = r.OperationId(body!.OperationId);
        long? quantity = body.QuantityTonnes is null ? null : r.Quantity("quantity_tonnes", body.QuantityTonnes);
        if (r.HasErrors) return r.Refusal().ToProblem();
        var (reservation, denied) = await OwnReservation(http, store, id, exchangeMay: true);
        if (denied is not null) return denied;
        if (IsExchanges(reservation!)) return Problems.ReservationOwnedByExchange(id);
        return await Operations.SubmitAsync(engine, op, new ReleaseReservation(new ReservationId(id), quantity), http.RequestAborted);
    }

    // The purpose of a reservation never changes, so this check cannot be overtaken by a later write.
    private static bool IsExchanges(ReservationRow reservation) => OpenCcer.Core.Exchange.LedgerBridge.IsExchangePurpose(reservation.Purpose);

    private static async Task<IResult> Settle(HttpContext http, RegistryEngine engine, LedgerStore store, JsonSerializerOptions json, long id)
    {
        var (body, problem) = await RequestReader.ReadAsync<SettleRequest>(http, json);
        if (problem is not null) return problem;
        var r = new Fields();
        var op = r.OperationId(body!.OperationId);
        var to = r.Required("to_account_id", body.ToAccountId);
        var quantity = r.Quantity("quantity_tonnes", body.QuantityTonnes);
        if (r.HasErrors) return r.Refusal().ToProblem();
        if (Caller.Of(http.User).Role is not (Role.ExchangeOperator or Role.RegistryAdministrator))
            return Problems.Forbidden("Only the exchange settles reservations.");
        if (await store.ReservationAsync(id, http.RequestAborted) is { } reservation && IsExchanges(reservation))
            return Problems.ReservationOwnedByExchange(id);
        return await Operations.SubmitAsync(engine, op, new SettleReservation(new ReservationId(id), new AccountId(to), quantity), http.RequestAborted);
    }

    private static async Task<IResult> Cancel(HttpContext http, RegistryEngine engine, LedgerStore store, JsonSerializerOptions json)
    {
        var (body, problem) = await RequestReader.ReadAsync<CancelRequest>(http, json);
        if (problem is not null) return problem;
        var r = new Fields();
        var op = r.OperationId(body!.OperationId);
        var account = r.Required("account_id", body.AccountId);
        var instrument = r.Instrument(body.ProjectCode, body.Vintage);
        var quantity = r.Quantity("quantity_tonnes", body.QuantityTonnes);
        var purpose = r.Enum<CancellationPurpose>("purpose", body.Purpose);
        var beneficiary = r.Required("beneficiary", body.Beneficiary);
        if (r.HasErrors) return r.Refusal().ToProblem();
        if (People.Member.Of(http.User) is not null) return Problems.MakerCheckerRequired("/api/v1/cancellation-requests");
        if (body.ReservationId is { } held && await store.ReservationAsync(held, http.RequestAborted) is { } owned && IsExchanges(owned))
            return Problems.ReservationOwnedByExchange(held);
        if (purpose is CancellationPurpose.Forced or CancellationPurpose.Judicial)
        {
            if (!Caller.Of(http.User).IsAdministrator) return Problems.Forbidden("Forced and judicial cancellations are the registry's.");
        }
        else if (await MustOwn(http, store, account) is { } denied)
        {
            return denied;
        }
        return await Operations.SubmitAsync(engine, op, new CancelUnits(new AccountId(account), instrument, quantity,
            purpose, beneficiary, body.ReservationId is { } rid ? new ReservationId(rid) : null), http.RequestAborted);
    }

    private static async Task<IResult> FreezeUnits(HttpContext http, RegistryEngine engine, JsonSerializerOptions json)
    {
        var (body, problem) = await RequestReader.ReadAsync<FreezeUnitsRequest>(http, json);
        if (problem is not null) return problem;
        var r = new Fields();
        var op = r.OperationId(body!.OperationId);
        var account = r.Required("account_id", body.AccountId);
        var instrument = r.Instrument(body.ProjectCode, body.Vintage);
        var reference = r.Required("authority_reference", body.AuthorityReference);
        var byRange = body.FirstSerial is not null || body.LastSerial is not null;
        if (byRange && (body.FirstSerial is null || body.LastSerial is null || body.FirstSerial < 1 || body.LastSerial < body.FirstSerial))
            r.Fail("first_serial", "Give first_serial and last_serial with 1 ≤ first ≤ last, or quantity_tonnes alone.");
        if (byRange && body.QuantityTonnes is not null) r.Fail("quantity_tonnes", "Give either a serial range or a quantity, not both.");
        long? quantity = byRange ? null : r.Quantity("quantity_tonnes", body.QuantityTonnes);
        if (r.HasErrors) return r.Refusal().ToProblem();
        return await Operations.SubmitAsync(engine, op, new FreezeUnits(new AccountId(account), instrument, quantity,
            body.FirstSerial, body.LastSerial, reference), http.RequestAborted);
    }

    private static async Task<IResult> GetFreeze(HttpContext http, LedgerStore store, long id)
    {
        var freeze = await store.FreezeAsync(id, http.RequestAborted);
        if (freeze is null) return Problems.For(LedgerStatus.FreezeNotFound, $"No freeze {id}.");
        var account = await store.AccountAsync(freeze.AccountId, http.RequestAborted);
        return account is not null && Caller.Of(http.User).MayRead(account.SubjectId) ? TypedResults.Ok(freeze) : Problems.Forbidden("Not your account.");
    }
}
