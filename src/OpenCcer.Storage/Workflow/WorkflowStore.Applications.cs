using System.Data.Common;
using OpenCcer.Storage.People;

namespace OpenCcer.Storage;

// Registry account applications and their history.
public sealed partial class WorkflowStore
{
    private const string ApplicationColumns = """
        id, organisation_id, operation_id, request_hash, subject_id, subject_name, holder_type, status, applied_at, applied_by,
        review_due, decided_at, reason, registry_account_id
        """;

    /// <summary>
    /// Records a new application in <see cref="AccountApplicationStatus.Applied"/>. With an operation id the
    /// organisation used before, returns the first application (<see cref="InsertOutcome.Replayed"/>) or
    /// <see cref="InsertOutcome.OperationIdReused"/>; <see cref="InsertOutcome.Duplicate"/> when the subject
    /// already has an open application.
    /// </summary>
    public async Task<(InsertOutcome Outcome, AccountApplicationRecord Record)> AddApplicationAsync(AccountApplicationRecord a, CancellationToken ct = default)
    {
        var inserted = await InsertWithStepAsync(
            $"INSERT INTO account_applications ({ApplicationColumns}) VALUES (@id, @org, @op, @hash, @s, @n, @t, @st, @at, @by, NULL, NULL, NULL, NULL)",
            "account_application_history", "application_id", a.Id, (int)AccountApplicationStatus.Applied, a.AppliedBy, Stamp.Parse(a.AppliedAt), ct,
            ("@id", a.Id), ("@org", a.OrganisationId), ("@op", a.OperationId), ("@hash", a.RequestHash), ("@s", a.SubjectId),
            ("@n", a.SubjectName), ("@t", a.HolderType), ("@st", (int)AccountApplicationStatus.Applied), ("@at", a.AppliedAt), ("@by", a.AppliedBy));
        return inserted
            ? (InsertOutcome.Inserted, a with { Status = AccountApplicationStatus.Applied })
            : await FirstOfOperationAsync(a, "account_applications", ApplicationColumns, ReadApplication, x => x.RequestHash,
                a.OrganisationId, a.OperationId, ct);
    }

    public async Task<AccountApplicationRecord?> ApplicationAsync(string id, CancellationToken ct = default) =>
        (await ReadAsync($"SELECT {ApplicationColumns} FROM account_applications WHERE id = @k", ReadApplication, ct, ("@k", id))).SingleOrDefault();

    /// <summary>Applications, newest first; only one organisation's when <paramref name="organisationId"/> is given.</summary>
    public Task<List<AccountApplicationRecord>> ApplicationsAsync(string? organisationId, int limit, int offset, CancellationToken ct = default) =>
        organisationId is null
            ? ReadAsync($"SELECT {ApplicationColumns} FROM account_applications ORDER BY applied_at DESC, id LIMIT @limit OFFSET @offset",
                ReadApplication, ct, ("@limit", Clamp(limit)), ("@offset", Math.Max(0, offset)))
            : ReadAsync($"SELECT {ApplicationColumns} FROM account_applications WHERE organisation_id = @o ORDER BY applied_at DESC, id LIMIT @limit OFFSET @offset",
                ReadApplication, ct, ("@o", organisationId), ("@limit", Clamp(limit)), ("@offset", Math.Max(0, offset)));

    public Task<List<WorkflowStep>> ApplicationHistoryAsync(string id, CancellationToken ct = default) =>
        StepsAsync("account_application_history", "application_id", id, ct);

    /// <summary>Applied → UnderReview, with the business date the decision is due.</summary>
    public Task<bool> StartReviewAsync(string id, string actor, DateTimeOffset at, DateOnly reviewDue, CancellationToken ct = default) =>
        StepAsync("account_applications", "account_application_history", "application_id", id, "status = @to, review_due = @due",
            "status = @from", (int)AccountApplicationStatus.UnderReview, actor, at, $"Review due by {Stamp.Of(reviewDue)}.", ct,
            ("@to", (int)AccountApplicationStatus.UnderReview), ("@from", (int)AccountApplicationStatus.Applied), ("@due", Stamp.Of(reviewDue)));

    /// <summary>UnderReview → Active or Rejected. An approval is claimed here, before the ledger opens the account.</summary>
    public Task<bool> DecideApplicationAsync(string id, AccountApplicationStatus decision, string actor, DateTimeOffset at, string? reason,
        CancellationToken ct = default) =>
        StepAsync("account_applications", "account_application_history", "application_id", id,
            "status = @to, decided_at = @at, reason = @reason", "status = @from", (int)decision, actor, at, reason, ct,
            ("@to", (int)decision), ("@from", (int)AccountApplicationStatus.UnderReview), ("@at", Stamp.Of(at)), ("@reason", reason));

    /// <summary>Records the registry account the ledger opened for an approved application.</summary>
    public Task<bool> RecordApplicationAccountAsync(string id, long registryAccountId, string actor, DateTimeOffset at, CancellationToken ct = default) =>
        StepAsync("account_applications", "account_application_history", "application_id", id, "registry_account_id = @account",
            "status = @active AND registry_account_id IS NULL", (int)AccountApplicationStatus.Active, actor, at,
            $"Registry account {registryAccountId} opened.", ct, ("@account", registryAccountId), ("@active", (int)AccountApplicationStatus.Active));

    /// <summary>Active → UnderReview when the ledger refused to open the account of a claimed approval.</summary>
    public Task<bool> ReopenReviewAsync(string id, string actor, DateTimeOffset at, string note, CancellationToken ct = default) =>
        StepAsync("account_applications", "account_application_history", "application_id", id, "status = @to, decided_at = NULL, reason = NULL",
            "status = @active AND registry_account_id IS NULL", (int)AccountApplicationStatus.UnderReview, actor, at, note, ct,
            ("@to", (int)AccountApplicationStatus.UnderReview), ("@active", (int)AccountApplicationStatus.Active));

    private static AccountApplicationRecord ReadApplication(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), Int(r, 6),
        (AccountApplicationStatus)Int(r, 7), r.GetString(8), r.GetString(9), Text(r, 10) is { } due ? Stamp.ParseDate(due) : null,
        Text(r, 11), Text(r, 12), NullableLong(r, 13));
}
