using OpenCcer.Application.ChangeRequests;
using OpenCcer.Core.Calendar;
using OpenCcer.Core.Primitives;
using OpenCcer.Core.Registry;
using OpenCcer.Storage;
using OpenCcer.Storage.Journal;
using OpenCcer.Storage.People;

namespace OpenCcer.Application.People;

/// <summary>
/// Registry account opening (R 7): a person of an organisation applies for its accounts; the registry
/// administrator takes the application into review (decision due <see cref="ReviewWorkingDays"/> working days
/// later), then approves it, which opens the accounts on the ledger, or rejects it with a reason. An
/// organisation reads its own applications; the registry and the regulator read all. The API calls these.
/// </summary>
public sealed class AccountApplications(LedgerStore store, RegistryEngine engine, WorkingDayCalendar calendar, TimeProvider time)
{
    public const int ReviewWorkingDays = 15;

    /// <summary>Applications listed when the caller names no limit.</summary>
    public const int ListLimitDefault = 100;

    /// <summary>What an application asks for, as checked: its fingerprint tells a retry from another request under the same operation id.</summary>
    private sealed record Terms(HolderType HolderType);

    private DateOnly Today() => ChinaClock.Today(time);

    /// <summary>Applies, as <paramref name="person"/>, for the accounts of the person's organisation.</summary>
    public async Task<Outcome<AccountApplicationResult>> ApplyAsync(Person? person, AccountApplicationRequest body, CancellationToken ct = default)
    {
        var r = new Fields();
        var op = r.OperationId(body.OperationId);
        var type = r.Enum<HolderType>("holder_type", body.HolderType);
        if (r.HasErrors) return r.Refusal();
        if (person is null) return Refusals.Of(WorkflowStatus.PersonRequired);
        var organisation = await store.People.OrganisationAsync(person.OrganisationId, ct);
        if (organisation is null) return Refusals.Of(WorkflowStatus.OrganisationNotFound);
        if ((await store.Registry.AccountsOfSubjectAsync(organisation.SubjectId, ct)).Count > 0)
            return Refusals.Of(LedgerStatus.SubjectHasAccount, $"Subject {organisation.SubjectId} already has its accounts.");
        var now = time.GetUtcNow();
        var application = new AccountApplicationRecord(Guid.CreateVersion7(now).ToString(), organisation.Id, op, RequestFingerprint.Of(new Terms(type)),
            organisation.SubjectId, organisation.Name, (int)type, AccountApplicationStatus.Applied, Stamp.Of(now), person.UserId,
            null, null, null, null);
        var (outcome, stored) = await store.Workflow.AddApplicationAsync(application, ct);
        return outcome switch
        {
            InsertOutcome.Inserted or InsertOutcome.Replayed => new AccountApplicationResult(stored, null, Today(), outcome == InsertOutcome.Inserted),
            InsertOutcome.OperationIdReused => Refusals.IdempotencyConflict(op)
                .WithDetail($"Operation '{op}' was used with another body ({outcome}); choose a new operation id."),
            _ => Refusals.Of(WorkflowStatus.ApplicationOpen, $"Subject {organisation.SubjectId} has an application applied or under review."),
        };
    }

    /// <summary>Applications, newest first: every organisation's for the registry and the regulator, else the person's own (none without a person).</summary>
    public async Task<IReadOnlyList<AccountApplicationResult>> ListAsync(Caller caller, Person? person, int? limit = null, int? offset = null,
        CancellationToken ct = default)
    {
        if (!caller.IsRegistryOrRegulator && person is null) return [];
        var organisation = caller.IsRegistryOrRegulator ? null : person!.OrganisationId;
        var today = Today();
        return (await store.Workflow.ApplicationsAsync(organisation, limit ?? ListLimitDefault, offset ?? 0, ct)).Select(a => new AccountApplicationResult(a, null, today)).ToList();
    }

    /// <summary>One application with its history: the registry and the regulator read all, a person their organisation's.</summary>
    public async Task<Outcome<AccountApplicationResult>> GetAsync(Caller caller, Person? person, Guid id, CancellationToken ct = default)
    {
        var application = await store.Workflow.ApplicationAsync(id.ToString(), ct);
        if (application is null) return Refusals.Of(WorkflowStatus.ApplicationNotFound);
        if (!caller.IsRegistryOrRegulator && person?.OrganisationId != application.OrganisationId) return Refusals.Of(WorkflowStatus.OtherOrganisation);
        return new AccountApplicationResult(application, await store.Workflow.ApplicationHistoryAsync(application.Id, ct), Today());
    }

    /// <summary>Takes an applied application into review (the registry administrator); the decision is due 15 working days later.</summary>
    public async Task<Outcome<AccountApplicationResult>> StartReviewAsync(Caller caller, Person? person, Guid id, CancellationToken ct = default)
    {
        var (application, refusal) = await LoadAsync(caller, person, id, ct);
        if (refusal is not null) return refusal;
        var today = Today();
        if (!calendar.TryAddWorkingDays(today, ReviewWorkingDays, out var due, out var unknownYear))
            return Refusals.Of(WorkflowStatus.CalendarYearUnknown, $"Load the working-day calendar of {unknownYear}.");
        if (!await store.Workflow.StartReviewAsync(application!.Id, person!.UserId, time.GetUtcNow(), due, ct))
            return Conflict(application, "only an applied application can be taken into review");
        return await ResultAsync(application.Id, ct);
    }

    /// <summary>Approves an application under review (the registry administrator): the ledger opens the registry and trading accounts.</summary>
    public async Task<Outcome<AccountApplicationResult>> ApproveAsync(Caller caller, Person? person, Guid id, CancellationToken ct = default)
    {
        var (application, refusal) = await LoadAsync(caller, person, id, ct);
        if (refusal is not null) return refusal;
        // An approval whose ledger step did not finish is carried out again.
        var resume = application!.Status == AccountApplicationStatus.Active && application.RegistryAccountId is null;
        if (!resume && !await store.Workflow.DecideApplicationAsync(application.Id, AccountApplicationStatus.Active, person!.UserId, time.GetUtcNow(), null, ct))
            return Conflict(application, "only an application under review can be approved");
        var (opened, _, refused, ledgerRefusal) = await LedgerStep.SubmitAsync(engine, $"application-{application.Id}",
            new OpenAccount(application.SubjectId, application.SubjectName, (HolderType)application.HolderType), ct);
        if (refused is { } status)
            await store.Workflow.ReopenReviewAsync(application.Id, person!.UserId, time.GetUtcNow(), $"The ledger refused to open the account: {status}.", ct);
        if (ledgerRefusal is not null) return ledgerRefusal;
        await store.Workflow.RecordApplicationAccountAsync(application.Id, ((AccountOpened)opened!).RegistryAccount.Value, person!.UserId, time.GetUtcNow(), ct);
        return await ResultAsync(application.Id, ct);
    }

    /// <summary>Rejects an application under review, with a reason (the registry administrator).</summary>
    public async Task<Outcome<AccountApplicationResult>> RejectAsync(Caller caller, Person? person, Guid id, ReasonRequest body,
        CancellationToken ct = default)
    {
        var r = new Fields();
        var reason = r.Required("reason", body.Reason);
        if (r.HasErrors) return r.Refusal();
        var (application, refusal) = await LoadAsync(caller, person, id, ct);
        if (refusal is not null) return refusal;
        if (!await store.Workflow.DecideApplicationAsync(application!.Id, AccountApplicationStatus.Rejected, person!.UserId, time.GetUtcNow(), reason, ct))
            return Conflict(application, "only an application under review can be rejected");
        return await ResultAsync(application.Id, ct);
    }

    /// <summary>The application a review step acts on, taken by a person acting as the registry administrator.</summary>
    private async Task<(AccountApplicationRecord?, Refusal?)> LoadAsync(Caller caller, Person? person, Guid id, CancellationToken ct)
    {
        if (!caller.IsAdministrator) return (null, Refusals.Forbidden("Only the registry administrator reviews account applications."));
        var application = await store.Workflow.ApplicationAsync(id.ToString(), ct);
        if (application is null) return (null, Refusals.Of(WorkflowStatus.ApplicationNotFound));
        return person is null ? (null, Refusals.Of(WorkflowStatus.PersonRequired)) : (application, null);
    }

    private async Task<AccountApplicationResult> ResultAsync(string id, CancellationToken ct) => new((await store.Workflow.ApplicationAsync(id, ct))!, null, Today());

    private static Refusal Conflict(AccountApplicationRecord application, string rule) =>
        Refusals.Of(WorkflowStatus.StateConflict, $"The application is {Fields.Snake(application.Status.ToString())}: {rule}.");
}
