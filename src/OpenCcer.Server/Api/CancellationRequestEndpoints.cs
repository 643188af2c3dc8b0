using System.Text.Json;
using OpenCcer.Application;
using OpenCcer.Core.Registry;
using OpenCcer.Server.People;
using OpenCcer.Storage;
using OpenCcer.Storage.People;

namespace OpenCcer.Server.Api;

/// <summary>
/// Cancellations with four eyes: one person of the holder requests it (the units are reserved at once),
/// a different person of the same organisation confirms it (the reserved units are cancelled) or rejects
/// it (the reservation is released).
/// </summary>
public static class CancellationRequestEndpoints
{
    public static IEndpointRouteBuilder MapCancellationRequestEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/cancellation-requests").WithTags("Maker-checker")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        api.MapPost("", Request).RequireAuthorization(PeopleAuthentication.AccountHolderPolicy).Accepts<CancellationRequestBody>("application/json")
            .WithSummary("Request a cancellation (注销) of units of the organisation's registry account; the units are reserved.");
        api.MapGet("", (HttpContext http, LedgerStore store, int? limit, int? offset) =>
                ChangeRequests.ListAsync(http, store, ChangeRequestKind.Cancellation, limit, offset))
            .RequireAuthorization(RegistryEndpoints.ReaderPolicy).WithSummary("Cancellation requests (own organisation's unless registry or regulator).");
        api.MapGet("/{id:guid}", (HttpContext http, LedgerStore store, Guid id) => ChangeRequests.GetAsync(http, store, ChangeRequestKind.Cancellation, id))
            .RequireAuthorization(RegistryEndpoints.ReaderPolicy).WithSummary("One cancellation request with its history.");
        api.MapPost("/{id:guid}/confirm", Confirm).RequireAuthorization(PeopleAuthentication.AccountHolderPolicy)
            .WithSummary("Confirm a cancellation request (a person other than the requester): the reserved units are cancelled.");
        api.MapPost("/{id:guid}/reject", Reject).RequireAuthorization(PeopleAuthentication.AccountHolderPolicy).Accepts<ReasonRequest>("application/json")
            .WithSummary("Reject or withdraw a cancellation request: the reserved units are released.");
        return app;
    }

    private static async Task<IResult> Request(HttpContext http, LedgerStore store, RegistryEngine engine, TimeProvider time, JsonSerializerOptions json)
    {
        var (body, problem) = await RequestReader.ReadAsync<CancellationRequestBody>(http, json);
        return problem ?? await RequestAsync(http, store, engine, time, body!);
    }

    /// <summary>Requests a cancellation as the calling person (the web portal's form lands here too).</summary>
    internal static async Task<IResult> RequestAsync(HttpContext http, LedgerStore store, RegistryEngine engine, TimeProvider time, CancellationRequestBody body)
    {
        var r = new Fields();
        var op = r.OperationId(body.OperationId);
        var accountId = r.Required("account_id", body.AccountId);
        var code = r.Required("project_code", body.ProjectCode);
        var vintage = r.Required("vintage", body.Vintage);
        var quantity = r.Quantity("quantity_tonnes", body.QuantityTonnes);
        var purpose = r.Enum<CancellationPurpose>("purpose", body.Purpose);
        var beneficiary = r.Required("beneficiary", body.Beneficiary);
        if (purpose is CancellationPurpose.Forced or CancellationPurpose.Judicial)
            r.Fail("purpose", "Forced and judicial cancellations are the registry's, not a holder's request.");
        if (r.HasErrors) return r.Refusal().ToProblem();
        if (Member.Of(http.User) is not { } member) return Problems.For(WorkflowStatus.PersonRequired);
        var account = await store.AccountAsync(accountId, http.RequestAborted);
        if (account is null) return Problems.For(LedgerStatus.AccountNotFound, $"No account {accountId}.");
        if (account.SubjectId != member.SubjectId) return Problems.For(WorkflowStatus.OtherOrganisation, "The account belongs to another subject.");
        if (account.Kind != (int)AccountKind.Registry)
            return Problems.For(LedgerStatus.AccountKindWrong, "Units are cancelled from the registry account; move them back from trading first.");

        var now = time.GetUtcNow();
        var request = new ChangeRequestRecord(Guid.CreateVersion7(now).ToString(), member.OrganisationId, op,
            LedgerCall.HashOf(accountId, code, vintage, quantity, purpose, beneficiary), ChangeRequestKind.Cancellation, accountId, code, vintage,
            quantity, (int)purpose, beneficiary, null, $"Cancellation for {beneficiary}", null, ChangeRequestStatus.Reserving, member.UserId, Stamp.Of(now), null, null, null);
        var (outcome, stored) = await store.AddChangeRequestAsync(request, http.RequestAborted);
        if (outcome is InsertOutcome.OperationIdReused or InsertOutcome.Duplicate) return LedgerCall.ForReplay(outcome, op);
        if (stored.Status == ChangeRequestStatus.Reserving)
        {
            var (reserved, _, refused, ledgerProblem) = await LedgerCall.SubmitAsync(engine, $"change-{stored.Id}-reserve",
                new ReserveUnits(new AccountId(accountId), new Instrument(code, vintage), quantity, $"cancellation request {stored.Id}"),
                http.RequestAborted);
            if (refused is { } status)
                await store.MarkRefusedAsync(stored.Id, member.UserId, time.GetUtcNow(), $"The ledger refused to reserve the units: {status}.",
                    http.RequestAborted);
            if (ledgerProblem is not null) return ledgerProblem;
            await store.MarkReservedAsync(stored.Id, ((UnitsReserved)reserved!).Reservation.Value, member.UserId, time.GetUtcNow(), http.RequestAborted);
            stored = (await store.ChangeRequestAsync(stored.Id, http.RequestAborted))!;
        }
        var view = ChangeRequests.View(stored, await store.ChangeRequestHistoryAsync(stored.Id, http.RequestAborted));
        return outcome == InsertOutcome.Inserted ? TypedResults.Created($"/api/v1/cancellation-requests/{stored.Id}", view) : TypedResults.Ok(view);
    }

    internal static Task<IResult> Confirm(HttpContext http, LedgerStore store, RegistryEngine engine, TimeProvider time, Guid id) =>
        ChangeRequests.DecideAsync(http, store, engine, time, ChangeRequestKind.Cancellation, id, ChangeRequestStatus.Confirmed, null,
            q => new CancelUnits(new AccountId(q.AccountId), new Instrument(q.ProjectCode!, q.Vintage!.Value), q.Quantity!.Value,
                (CancellationPurpose)q.Purpose!.Value, q.Beneficiary!, new ReservationId(q.ReservationId!.Value)),
            (e, _) => $"{CancelledOutcomePrefix}{((UnitsCancelled)e).CertificateNumber}.");

    private const string CancelledOutcomePrefix = "Cancelled: certificate ";

    /// <summary>The certificate a confirmed cancellation request was numbered, read from the outcome <see cref="Confirm"/> records.</summary>
    public static string? CertificateOf(ChangeRequestRecord q) =>
        q.Kind == ChangeRequestKind.Cancellation && q.Status == ChangeRequestStatus.Confirmed
        && q.Outcome is { } o && o.StartsWith(CancelledOutcomePrefix, StringComparison.Ordinal) && o.EndsWith('.')
            ? o[CancelledOutcomePrefix.Length..^1]
            : null;

    private static async Task<IResult> Reject(HttpContext http, LedgerStore store, RegistryEngine engine, TimeProvider time,
        JsonSerializerOptions json, Guid id)
    {
        var (body, problem) = await RequestReader.ReadAsync<ReasonRequest>(http, json);
        if (problem is not null) return problem;
        var r = new Fields();
        var reason = r.Required("reason", body!.Reason);
        if (r.HasErrors) return r.Refusal().ToProblem();
        return await RejectAsync(http, store, engine, time, id, reason);
    }

    /// <summary>Rejects (or, by its initiator, withdraws) a cancellation request: the reserved units are released.</summary>
    internal static Task<IResult> RejectAsync(HttpContext http, LedgerStore store, RegistryEngine engine, TimeProvider time, Guid id, string reason)
    {
        return ChangeRequests.DecideAsync(http, store, engine, time, ChangeRequestKind.Cancellation, id, ChangeRequestStatus.Rejected, reason,
            q => new ReleaseReservation(new ReservationId(q.ReservationId!.Value), null),
            (e, _) => $"Reservation {((ReservationReleased)e).Reservation.Value} released.");
    }
}
