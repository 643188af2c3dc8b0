using System.Text.Json;
using OpenCcer.Application;
using OpenCcer.Core.Registry;
using OpenCcer.Server.People;
using OpenCcer.Storage;
using OpenCcer.Storage.People;

namespace OpenCcer.Server.Api;

/// <summary>
/// Account state changes with four eyes (R 8): one registry administrator asks to restrict, reactivate
/// or close a subject's accounts; another confirms, and only then does the ledger change, or rejects it.
/// </summary>
public static class AccountStateRequestEndpoints
{
    public static IEndpointRouteBuilder MapAccountStateRequestEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/account-state-requests").WithTags("Maker-checker")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        api.MapPost("", Request).RequireAuthorization(RegistryEndpoints.AdministratorPolicy).Accepts<AccountStateRequestBody>("application/json")
            .WithSummary("Ask to restrict, reactivate or close a subject's accounts; another administrator confirms.");
        api.MapGet("", (HttpContext http, LedgerStore store, int? limit, int? offset) =>
                ChangeRequests.ListAsync(http, store, ChangeRequestKind.AccountState, limit, offset))
            .RequireAuthorization(PeopleAuthentication.SupervisorPolicy).WithSummary("Account state requests, newest first.");
        api.MapGet("/{id:guid}", (HttpContext http, LedgerStore store, Guid id) => ChangeRequests.GetAsync(http, store, ChangeRequestKind.AccountState, id))
            .RequireAuthorization(PeopleAuthentication.SupervisorPolicy).WithSummary("One account state request with its history.");
        api.MapPost("/{id:guid}/confirm", Confirm).RequireAuthorization(RegistryEndpoints.AdministratorPolicy)
            .WithSummary("Confirm (a different administrator): the ledger changes the accounts' state.");
        api.MapPost("/{id:guid}/reject", Reject).RequireAuthorization(RegistryEndpoints.AdministratorPolicy).Accepts<ReasonRequest>("application/json")
            .WithSummary("Reject or withdraw an account state request.");
        return app;
    }

    private static async Task<IResult> Request(HttpContext http, LedgerStore store, TimeProvider time, JsonSerializerOptions json)
    {
        var (body, problem) = await RequestReader.ReadAsync<AccountStateRequestBody>(http, json);
        if (problem is not null) return problem;
        var r = new Fields();
        var op = r.OperationId(body!.OperationId);
        var accountId = r.Required("account_id", body.AccountId);
        var state = r.Enum<AccountState>("state", body.State);
        var reason = r.Required("reason", body.Reason);
        if (reason.Length > LedgerLimits.TextLengthMax) r.Fail("reason", $"At most {LedgerLimits.TextLengthMax} characters.");
        if (r.HasErrors) return r.Refusal().ToProblem();
        if (Member.Of(http.User) is not { } member) return Problems.For(WorkflowStatus.PersonRequired);
        if (await store.AccountAsync(accountId, http.RequestAborted) is null) return Problems.For(LedgerStatus.AccountNotFound, $"No account {accountId}.");
        var now = time.GetUtcNow();
        var request = new ChangeRequestRecord(Guid.CreateVersion7(now).ToString(), member.OrganisationId, op, LedgerCall.HashOf(accountId, state, reason),
            ChangeRequestKind.AccountState, accountId, null, null, null, null, null, (int)state, reason, null, ChangeRequestStatus.Pending,
            member.UserId, Stamp.Of(now), null, null, null);
        var (outcome, stored) = await store.AddChangeRequestAsync(request, http.RequestAborted);
        if (outcome is InsertOutcome.OperationIdReused or InsertOutcome.Duplicate) return LedgerCall.ForReplay(outcome, op);
        var view = ChangeRequests.View(stored, await store.ChangeRequestHistoryAsync(stored.Id, http.RequestAborted));
        return outcome == InsertOutcome.Inserted ? TypedResults.Created($"/api/v1/account-state-requests/{stored.Id}", view) : TypedResults.Ok(view);
    }

    private static Task<IResult> Confirm(HttpContext http, LedgerStore store, RegistryEngine engine, TimeProvider time, Guid id) =>
        ChangeRequests.DecideAsync(http, store, engine, time, ChangeRequestKind.AccountState, id, ChangeRequestStatus.Confirmed, null,
            q => new ChangeAccountState(new AccountId(q.AccountId), (AccountState)q.TargetState!.Value, q.Reason),
            (e, sequence) => $"Accounts {RequestReader.Snake(((AccountStateChanged)e).State.ToString())}: journal row {sequence}.");

    private static async Task<IResult> Reject(HttpContext http, LedgerStore store, RegistryEngine engine, TimeProvider time,
        JsonSerializerOptions json, Guid id)
    {
        var (body, problem) = await RequestReader.ReadAsync<ReasonRequest>(http, json);
        if (problem is not null) return problem;
        var r = new Fields();
        var reason = r.Required("reason", body!.Reason);
        if (r.HasErrors) return r.Refusal().ToProblem();
        return await ChangeRequests.DecideAsync(http, store, engine, time, ChangeRequestKind.AccountState, id, ChangeRequestStatus.Rejected, reason,
            _ => null, (_, _) => "");
    }
}
