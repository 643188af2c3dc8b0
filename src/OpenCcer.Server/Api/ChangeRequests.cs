using OpenCcer.Application;
using OpenCcer.Core.Lifecycle;
using OpenCcer.Core.Registry;
using OpenCcer.Server.People;
using OpenCcer.Storage;
using OpenCcer.Storage.People;

namespace OpenCcer.Server.Api;

/// <summary>
/// What maker-checker requests share: reading one, the four-eyes check, and a decision that is claimed in
/// the store first and then carried out on the ledger (returned to pending if the ledger refuses).
/// </summary>
public static class ChangeRequests
{
    public static async Task<IResult> GetAsync(HttpContext http, LedgerStore store, ChangeRequestKind kind, Guid id)
    {
        var request = await store.ChangeRequestAsync(id.ToString(), http.RequestAborted);
        if (request is null || request.Kind != kind) return Problems.For(WorkflowStatus.RequestNotFound);
        var caller = Caller.Of(http.User);
        if (caller.Role is not (Role.RegistryAdministrator or Role.Regulator) && Member.Of(http.User)?.OrganisationId != request.OrganisationId)
            return Problems.For(WorkflowStatus.OtherOrganisation);
        return TypedResults.Ok(View(request, await store.ChangeRequestHistoryAsync(request.Id, http.RequestAborted)));
    }

    public static async Task<IResult> ListAsync(HttpContext http, LedgerStore store, ChangeRequestKind kind, int? limit, int? offset)
    {
        var caller = Caller.Of(http.User);
        string? organisation = null;
        if (caller.Role is not (Role.RegistryAdministrator or Role.Regulator))
        {
            if (Member.Of(http.User) is not { } member) return TypedResults.Ok(Array.Empty<object>());
            organisation = member.OrganisationId;
        }
        var requests = await store.ChangeRequestsAsync(kind, organisation, limit ?? 100, offset ?? 0, http.RequestAborted);
        return TypedResults.Ok(requests.Select(q => View(q, null)));
    }

    /// <summary>
    /// Confirms or rejects a pending request as the calling member. A confirmation must come from a person
    /// other than the initiator, of the same organisation; a rejection may come from the initiator (a withdrawal).
    /// <paramref name="command"/> is the ledger change that carries the decision out (null: none).
    /// </summary>
    public static async Task<IResult> DecideAsync(HttpContext http, LedgerStore store, RegistryEngine engine, TimeProvider time,
        ChangeRequestKind kind, Guid id, ChangeRequestStatus decision, string? reason,
        Func<ChangeRequestRecord, LedgerCommand?> command, Func<LedgerEvent, long, string> outcome)
    {
        var ct = http.RequestAborted;
        var request = await store.ChangeRequestAsync(id.ToString(), ct);
        if (request is null || request.Kind != kind) return Problems.For(WorkflowStatus.RequestNotFound);
        if (Member.Of(http.User) is not { } member) return Problems.For(WorkflowStatus.PersonRequired);
        if (member.OrganisationId != request.OrganisationId) return Problems.For(WorkflowStatus.OtherOrganisation);
        if (decision == ChangeRequestStatus.Confirmed && request.InitiatedBy == member.UserId)
            return Problems.For(WorkflowStatus.ConfirmerIsInitiator, "You initiated this request; another person of your organisation confirms it.");
        // A decision claimed earlier by the same person whose ledger step did not finish is carried out again.
        var resume = request.Status == decision && request.Outcome is null && request.DecidedBy == member.UserId;
        if (!resume && !await store.ClaimDecisionAsync(request.Id, decision, member.UserId, time.GetUtcNow(), reason, ct))
            return Problems.For(WorkflowStatus.StateConflict,
                $"The request is {RequestReader.Snake(request.Status.ToString())}: only a pending request can be decided.");
        var change = command(request);
        var done = "No ledger change.";
        if (change is not null)
        {
            var (applied, sequence, refused, problem) = await LedgerCall.SubmitAsync(engine, $"change-{request.Id}-{decision}".ToLowerInvariant(), change, ct);
            if (refused is { } status)
                await store.ReleaseClaimAsync(request.Id, decision, member.UserId, time.GetUtcNow(), $"The ledger refused: {status}.", ct);
            if (problem is not null) return problem;
            done = outcome(applied!, sequence);
        }
        await store.RecordDecisionOutcomeAsync(request.Id, decision, done, member.UserId, time.GetUtcNow(), ct);
        var stored = (await store.ChangeRequestAsync(request.Id, ct))!;
        return TypedResults.Ok(View(stored, await store.ChangeRequestHistoryAsync(request.Id, ct)));
    }

    public static object View(ChangeRequestRecord q, List<WorkflowStep>? history) => new
    {
        q.Id,
        Kind = RequestReader.Snake(q.Kind.ToString()),
        Status = RequestReader.Snake(q.Status.ToString()),
        q.OrganisationId,
        q.AccountId,
        q.ProjectCode,
        q.Vintage,
        QuantityTonnes = q.Quantity,
        Purpose = q.Purpose is { } p ? RequestReader.Snake(((CancellationPurpose)p).ToString()) : null,
        q.Beneficiary,
        TargetState = q.TargetState is { } s ? RequestReader.Snake(((AccountState)s).ToString()) : null,
        q.Reason,
        q.ReservationId,
        q.InitiatedBy,
        q.InitiatedAt,
        q.DecidedBy,
        q.DecidedAt,
        q.Outcome,
        History = history?.Select(h => new
        {
            h.Step,
            Status = RequestReader.Snake(((ChangeRequestStatus)h.Status).ToString()),
            h.Actor,
            h.At,
            h.Note,
        }),
    };
}
