using System.Data.Common;
using OpenCcer.Storage.People;

namespace OpenCcer.Storage;

// Maker-checker requests and their history.
public sealed partial class WorkflowStore
{
    private const string RequestColumns = """
        id, organisation_id, operation_id, request_hash, kind, account_id, project_code, vintage, quantity, purpose, beneficiary,
        target_state, reason, reservation_id, status, initiated_by, initiated_at, decided_by, decided_at, outcome, certificate_number
        """;

    private const string RequestTable = "change_requests";
    private const string RequestHistory = "change_request_history";

    /// <summary>
    /// Records a new request in its initial status. With an operation id the organisation used before, returns
    /// the first request (<see cref="InsertOutcome.Replayed"/>) or <see cref="InsertOutcome.OperationIdReused"/>.
    /// </summary>
    public async Task<(InsertOutcome Outcome, ChangeRequestRecord Record)> AddChangeRequestAsync(ChangeRequestRecord q, CancellationToken ct = default)
    {
        var inserted = await InsertWithStepAsync(
            $"""
            INSERT INTO change_requests ({RequestColumns})
            VALUES (@id, @org, @op, @hash, @kind, @acc, @code, @vintage, @qty, @purpose, @ben, @state, @reason, NULL, @st, @by, @at, NULL, NULL, NULL, NULL)
            """,
            RequestHistory, "request_id", q.Id, (int)q.Status, q.InitiatedBy, Stamp.Parse(q.InitiatedAt), ct,
            ("@id", q.Id), ("@org", q.OrganisationId), ("@op", q.OperationId), ("@hash", q.RequestHash), ("@kind", (int)q.Kind),
            ("@acc", q.AccountId), ("@code", q.ProjectCode), ("@vintage", q.Vintage), ("@qty", q.Quantity), ("@purpose", q.Purpose),
            ("@ben", q.Beneficiary), ("@state", q.TargetState), ("@reason", q.Reason), ("@st", (int)q.Status), ("@by", q.InitiatedBy),
            ("@at", q.InitiatedAt));
        return inserted
            ? (InsertOutcome.Inserted, q)
            : await FirstOfOperationAsync(q, RequestTable, RequestColumns, ReadRequest, x => x.RequestHash, q.OrganisationId, q.OperationId, ct);
    }

    public async Task<ChangeRequestRecord?> ChangeRequestAsync(string id, CancellationToken ct = default) =>
        (await ReadAsync($"SELECT {RequestColumns} FROM change_requests WHERE id = @k", ReadRequest, ct, ("@k", id))).SingleOrDefault();

    /// <summary>Requests of one kind, newest first; only one organisation's when <paramref name="organisationId"/> is given.</summary>
    public Task<List<ChangeRequestRecord>> ChangeRequestsAsync(ChangeRequestKind kind, string? organisationId, int limit, int offset,
        CancellationToken ct = default) =>
        ReadAsync($"""
            SELECT {RequestColumns} FROM change_requests WHERE kind = @kind AND (@all = 1 OR organisation_id = @o)
            ORDER BY initiated_at DESC, id LIMIT @limit OFFSET @offset
            """,
            ReadRequest, ct, ("@kind", (int)kind), ("@all", organisationId is null ? 1 : 0), ("@o", organisationId ?? ""),
            ("@limit", Clamp(limit)), ("@offset", Math.Max(0, offset)));

    public Task<List<WorkflowStep>> ChangeRequestHistoryAsync(string id, CancellationToken ct = default) =>
        StepsAsync(RequestHistory, "request_id", id, ct);

    /// <summary>Reserving → Pending, once the ledger holds the units under <paramref name="reservationId"/>.</summary>
    public Task<bool> MarkReservedAsync(string id, long reservationId, string actor, DateTimeOffset at, CancellationToken ct = default) =>
        StepAsync(RequestTable, RequestHistory, "request_id", id, "status = @to, reservation_id = @rid", "status = @from",
            (int)ChangeRequestStatus.Pending, actor, at, $"Units held under reservation {reservationId}.", ct,
            ("@to", (int)ChangeRequestStatus.Pending), ("@from", (int)ChangeRequestStatus.Reserving), ("@rid", reservationId));

    /// <summary>Reserving → Refused, when the ledger would not hold the units.</summary>
    public Task<bool> MarkRefusedAsync(string id, string actor, DateTimeOffset at, string note, CancellationToken ct = default) =>
        StepAsync(RequestTable, RequestHistory, "request_id", id, "status = @to", "status = @from",
            (int)ChangeRequestStatus.Refused, actor, at, note, ct,
            ("@to", (int)ChangeRequestStatus.Refused), ("@from", (int)ChangeRequestStatus.Reserving));

    /// <summary>Pending → Confirmed or Rejected by <paramref name="actor"/>, claimed before the ledger carries it out.</summary>
    public Task<bool> ClaimDecisionAsync(string id, ChangeRequestStatus decision, string actor, DateTimeOffset at, string? note,
        CancellationToken ct = default) =>
        StepAsync(RequestTable, RequestHistory, "request_id", id, "status = @to, decided_by = @by, decided_at = @at", "status = @from",
            (int)decision, actor, at, note, ct,
            ("@to", (int)decision), ("@from", (int)ChangeRequestStatus.Pending), ("@by", actor), ("@at", Stamp.Of(at)));

    /// <summary>
    /// Records what the ledger did for a claimed decision, and the certificate it numbered when it cancelled
    /// units; false when it was already recorded.
    /// </summary>
    public Task<bool> RecordDecisionOutcomeAsync(string id, ChangeRequestStatus decision, string outcome, string actor, DateTimeOffset at,
        string? certificateNumber = null, CancellationToken ct = default) =>
        StepAsync(RequestTable, RequestHistory, "request_id", id, "outcome = @outcome, certificate_number = @cert", "status = @st AND outcome IS NULL",
            (int)decision, actor, at, outcome, ct, ("@outcome", outcome), ("@cert", certificateNumber), ("@st", (int)decision));

    /// <summary>Returns a claimed decision the ledger refused to Pending, so it can be decided again.</summary>
    public Task<bool> ReleaseClaimAsync(string id, ChangeRequestStatus decision, string actor, DateTimeOffset at, string note,
        CancellationToken ct = default) =>
        StepAsync(RequestTable, RequestHistory, "request_id", id, "status = @to, decided_by = NULL, decided_at = NULL",
            "status = @st AND outcome IS NULL", (int)ChangeRequestStatus.Pending, actor, at, note, ct,
            ("@to", (int)ChangeRequestStatus.Pending), ("@st", (int)decision));

    private static ChangeRequestRecord ReadRequest(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), (ChangeRequestKind)Int(r, 4), NullableLong(r, 5)!.Value,
        Text(r, 6), NullableInt(r, 7), NullableLong(r, 8), NullableInt(r, 9), Text(r, 10), NullableInt(r, 11), r.GetString(12),
        NullableLong(r, 13), (ChangeRequestStatus)Int(r, 14), r.GetString(15), r.GetString(16), Text(r, 17), Text(r, 18), Text(r, 19), Text(r, 20));
}
