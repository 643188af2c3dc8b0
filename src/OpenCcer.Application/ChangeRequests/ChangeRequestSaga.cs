using OpenCcer.Application.People;
using OpenCcer.Core.Registry;
using OpenCcer.Storage;
using OpenCcer.Storage.People;

namespace OpenCcer.Application.ChangeRequests;

/// <summary>
/// What maker-checker requests share: recording one under the organisation's operation id, reading one,
/// the four-eyes check, and a decision that is claimed in the store first and then carried out on the
/// ledger (returned to pending if the ledger refuses).
/// </summary>
internal sealed class ChangeRequestSaga(LedgerStore store, RegistryEngine engine, TimeProvider time)
{
    /// <summary>Requests listed when the caller names no limit.</summary>
    public const int ListLimitDefault = 100;

    /// <summary>What a confirmed or rejected request's ledger step did: a sentence for people and, for a cancellation, its certificate.</summary>
    public sealed record Done(string Outcome, string? CertificateNumber = null);

    /// <summary>Records a new request; the same operation id with the same fingerprint returns the first, with another is refused.</summary>
    public async Task<Outcome<(ChangeRequestRecord Stored, bool Inserted)>> AddAsync(ChangeRequestRecord request, CancellationToken ct)
    {
        var (outcome, stored) = await store.Workflow.AddChangeRequestAsync(request, ct);
        return outcome switch
        {
            InsertOutcome.Inserted or InsertOutcome.Replayed => (stored, outcome == InsertOutcome.Inserted),
            _ => Refusals.IdempotencyConflict(request.OperationId)
                .WithDetail($"Operation '{request.OperationId}' was used with another body ({outcome}); choose a new operation id."),
        };
    }

    public async Task<ChangeRequestResult> ResultAsync(string id, bool created, CancellationToken ct) =>
        new((await store.Workflow.ChangeRequestAsync(id, ct))!, await store.Workflow.ChangeRequestHistoryAsync(id, ct), created);

    /// <summary>One request with its history: the registry and the regulator read all, a person their organisation's.</summary>
    public async Task<Outcome<ChangeRequestResult>> GetAsync(Caller caller, Person? person, ChangeRequestKind kind, Guid id, CancellationToken ct)
    {
        var request = await store.Workflow.ChangeRequestAsync(id.ToString(), ct);
        if (request is null || request.Kind != kind) return Refusals.Of(WorkflowStatus.RequestNotFound);
        if (!caller.IsRegistryOrRegulator && person?.OrganisationId != request.OrganisationId) return Refusals.Of(WorkflowStatus.OtherOrganisation);
        return new ChangeRequestResult(request, await store.Workflow.ChangeRequestHistoryAsync(request.Id, ct));
    }

    /// <summary>Requests of a kind, newest first: every organisation's for the registry and the regulator, else the person's own (none without a person).</summary>
    public async Task<IReadOnlyList<ChangeRequestRecord>> ListAsync(Caller caller, Person? person, ChangeRequestKind kind, int? limit, int? offset,
        CancellationToken ct)
    {
        if (!caller.IsRegistryOrRegulator && person is null) return [];
        var organisation = caller.IsRegistryOrRegulator ? null : person!.OrganisationId;
        return await store.Workflow.ChangeRequestsAsync(kind, organisation, limit ?? ListLimitDefault, offset ?? 0, ct);
    }

    /// <summary>Rejects (or, by its initiator, withdraws) a pending request, which must give a reason; <paramref name="command"/> undoes what the request holds (null: nothing).</summary>
    public async Task<Outcome<ChangeRequestResult>> RejectAsync(Person? person, ChangeRequestKind kind, Guid id, ReasonRequest body,
        Func<ChangeRequestRecord, LedgerCommand?> command, Func<LedgerEvent, long, Done> done, CancellationToken ct)
    {
        var r = new Fields();
        var reason = r.Required("reason", body.Reason);
        if (r.HasErrors) return r.Refusal();
        return await DecideAsync(person, kind, id, ChangeRequestStatus.Rejected, reason, command, done, ct);
    }

    /// <summary>
    /// Confirms or rejects a pending request as <paramref name="person"/>. A confirmation must come from a person
    /// other than the initiator, of the same organisation; a rejection may come from the initiator (a withdrawal).
    /// <paramref name="command"/> is the ledger change that carries the decision out (null: none).
    /// </summary>
    public async Task<Outcome<ChangeRequestResult>> DecideAsync(Person? person, ChangeRequestKind kind, Guid id, ChangeRequestStatus decision,
        string? reason, Func<ChangeRequestRecord, LedgerCommand?> command, Func<LedgerEvent, long, Done> done, CancellationToken ct)
    {
        var request = await store.Workflow.ChangeRequestAsync(id.ToString(), ct);
        if (request is null || request.Kind != kind) return Refusals.Of(WorkflowStatus.RequestNotFound);
        if (person is null) return Refusals.Of(WorkflowStatus.PersonRequired);
        if (person.OrganisationId != request.OrganisationId) return Refusals.Of(WorkflowStatus.OtherOrganisation);
        if (decision == ChangeRequestStatus.Confirmed && request.InitiatedBy == person.UserId)
            return Refusals.Of(WorkflowStatus.ConfirmerIsInitiator, "You initiated this request; another person of your organisation confirms it.");
        // A decision claimed earlier by the same person whose ledger step did not finish is carried out again.
        var resume = request.Status == decision && request.Outcome is null && request.DecidedBy == person.UserId;
        if (!resume && !await store.Workflow.ClaimDecisionAsync(request.Id, decision, person.UserId, time.GetUtcNow(), reason, ct))
            return Refusals.Of(WorkflowStatus.StateConflict,
                $"The request is {Fields.Snake(request.Status.ToString())}: only a pending request can be decided.");
        var result = new Done("No ledger change.");
        if (command(request) is { } change)
        {
            var (applied, sequence, refused, refusal) = await LedgerStep.SubmitAsync(engine, $"change-{request.Id}-{decision}".ToLowerInvariant(), change, ct);
            if (refused is { } status)
                await store.Workflow.ReleaseClaimAsync(request.Id, decision, person.UserId, time.GetUtcNow(), $"The ledger refused: {status}.", ct);
            if (refusal is not null) return refusal;
            result = done(applied!, sequence);
        }
        await store.Workflow.RecordDecisionOutcomeAsync(request.Id, decision, result.Outcome, person.UserId, time.GetUtcNow(), result.CertificateNumber, ct);
        return await ResultAsync(request.Id, false, ct);
    }
}
