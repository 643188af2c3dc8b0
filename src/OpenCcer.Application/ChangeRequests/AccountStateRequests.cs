using OpenCcer.Application.People;
using OpenCcer.Core.Registry;
using OpenCcer.Storage;
using OpenCcer.Storage.Journal;
using OpenCcer.Storage.People;

namespace OpenCcer.Application.ChangeRequests;

/// <summary>
/// Account state changes with four eyes (R 8): one registry administrator asks to restrict, reactivate
/// or close a subject's accounts; another confirms, and only then does the ledger change, or rejects it.
/// </summary>
public sealed class AccountStateRequests(LedgerStore store, RegistryEngine engine, TimeProvider time) : IChangeRequests<AccountStateRequestBody>
{
    private readonly ChangeRequestSaga saga = new(store, engine, time);

    /// <summary>What an account state request asks for, as checked: its fingerprint tells a retry from another request.</summary>
    private sealed record Terms(long AccountId, AccountState State, string Reason);

    public async Task<Outcome<ChangeRequestResult>> RequestAsync(Person? person, AccountStateRequestBody body, CancellationToken ct = default)
    {
        var r = new Fields();
        var op = r.OperationId(body.OperationId);
        var accountId = r.Required("account_id", body.AccountId);
        var state = r.Enum<AccountState>("state", body.State);
        var reason = r.Text("reason", body.Reason, LedgerLimits.TextLengthMax);
        if (r.HasErrors) return r.Refusal();
        if (person is null) return Refusals.Of(WorkflowStatus.PersonRequired);
        if (await store.Registry.AccountAsync(accountId, ct) is null) return Refusals.Of(LedgerStatus.AccountNotFound, $"No account {accountId}.");
        var now = time.GetUtcNow();
        var added = await saga.AddAsync(new ChangeRequestRecord(Guid.CreateVersion7(now).ToString(), person.OrganisationId, op,
            RequestFingerprint.Of(new Terms(accountId, state, reason)), ChangeRequestKind.AccountState, accountId, null, null, null, null, null,
            (int)state, reason, null, ChangeRequestStatus.Pending, person.UserId, Stamp.Of(now), null, null, null), ct);
        if (!added.IsOk) return added.Refusal!;
        return await saga.ResultAsync(added.Value.Stored.Id, added.Value.Inserted, ct);
    }

    /// <summary>Confirms (a different administrator): the ledger changes the accounts' state.</summary>
    public Task<Outcome<ChangeRequestResult>> ConfirmAsync(Person? person, Guid id, CancellationToken ct = default) =>
        saga.DecideAsync(person, ChangeRequestKind.AccountState, id, ChangeRequestStatus.Confirmed, null,
            q => new ChangeAccountState(new AccountId(q.AccountId), (AccountState)q.TargetState!.Value, q.Reason),
            (e, sequence) => new ChangeRequestSaga.Done($"Accounts {Fields.Snake(((AccountStateChanged)e).State.ToString())}: journal row {sequence}."), ct);

    /// <summary>Rejects (or, by its initiator, withdraws) a request; the ledger does not change.</summary>
    public Task<Outcome<ChangeRequestResult>> RejectAsync(Person? person, Guid id, ReasonRequest body, CancellationToken ct = default) =>
        saga.RejectAsync(person, ChangeRequestKind.AccountState, id, body, _ => null, (_, _) => new ChangeRequestSaga.Done(""), ct);

    public Task<Outcome<ChangeRequestResult>> GetAsync(Caller caller, Person? person, Guid id, CancellationToken ct = default) =>
        saga.GetAsync(caller, person, ChangeRequestKind.AccountState, id, ct);

    public Task<IReadOnlyList<ChangeRequestRecord>> ListAsync(Caller caller, Person? person, int? limit = null, int? offset = null,
        CancellationToken ct = default) =>
        saga.ListAsync(caller, person, ChangeRequestKind.AccountState, limit, offset, ct);
}
