using OpenCcer.Core.Lifecycle;
using OpenCcer.Storage;
using OpenCcer.Storage.People;

namespace OpenCcer.Storage.Tests;

/// <summary>Organisations, people, issued keys and workflow rows: the same behaviour on every store.</summary>
public abstract class PeopleStoreContract : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);
    private LedgerStore store = null!;

    protected abstract string ConnectionString();

    public async Task InitializeAsync()
    {
        store = LedgerStore.Open(ConnectionString());
        await store.InitializeAsync();
    }

    public async Task DisposeAsync() => await store.DisposeAsync();

    private static OrganisationRecord Organisation(string subject) =>
        new(Guid.CreateVersion7().ToString(), subject, "Organisation " + subject, Roles.ProjectOwner, Stamp.Of(T0));

    private static UserRecord User(string organisationId, string name) => new(
        Guid.CreateVersion7().ToString(), organisationId, name, name.ToUpperInvariant(), name + "@openccer.example",
        (name + "@openccer.example").ToUpperInvariant(), false, "Person " + name, "hash-1", "stamp-1", "c-1", true, null, 0, Stamp.Of(T0));

    private async Task<OrganisationRecord> AddOrganisation(string subject)
    {
        var o = Organisation(subject);
        Assert.Equal(InsertOutcome.Inserted, await store.People.AddOrganisationAsync(o));
        return o;
    }

    [Fact]
    public async Task an_organisation_is_found_by_id_and_subject_and_its_subject_is_unique()
    {
        var o = await AddOrganisation("91370000MA3CSPIC01");
        Assert.Equal(o, await store.People.OrganisationAsync(o.Id));
        Assert.Equal(o, await store.People.OrganisationOfSubjectAsync(o.SubjectId));
        Assert.Equal(InsertOutcome.Duplicate, await store.People.AddOrganisationAsync(Organisation(o.SubjectId)));
        Assert.Single(await store.People.OrganisationsAsync(100, 0));
        Assert.Null(await store.People.OrganisationAsync(Guid.NewGuid().ToString()));
    }

    [Fact]
    public async Task a_user_round_trips_and_is_found_by_normalized_name_and_email()
    {
        var o = await AddOrganisation("91110000MA01CEMT02");
        var u = User(o.Id, "spic.maker");
        Assert.Equal(InsertOutcome.Inserted, await store.People.AddUserAsync(u));
        Assert.Equal(u, await store.People.UserAsync(u.Id));
        Assert.Equal(u, await store.People.UserByNameAsync("SPIC.MAKER"));
        Assert.Equal(u, await store.People.UserByEmailAsync("SPIC.MAKER@OPENCCER.EXAMPLE"));
        Assert.Equal(InsertOutcome.Duplicate, await store.People.AddUserAsync(User(o.Id, "spic.maker")));
        Assert.Equal([u], await store.People.UsersOfOrganisationAsync(o.Id));
    }

    [Fact]
    public async Task an_update_needs_the_current_concurrency_stamp_and_keeps_lockout_fields()
    {
        var o = await AddOrganisation("12100000VVB0000005");
        var u = User(o.Id, "cqc.verifier");
        await store.People.AddUserAsync(u);
        var lockedUntil = T0.AddMinutes(15);
        var changed = u with { AccessFailedCount = 3, LockoutEnd = lockedUntil, PasswordHash = "hash-2", ConcurrencyStamp = "c-2" };
        Assert.True(await store.People.UpdateUserAsync(changed, "c-1"));
        Assert.False(await store.People.UpdateUserAsync(changed with { ConcurrencyStamp = "c-3", AccessFailedCount = 0 }, "c-1"));
        var stored = await store.People.UserAsync(u.Id);
        Assert.Equal(3, stored!.AccessFailedCount);
        Assert.Equal(lockedUntil, stored.LockoutEnd);
        Assert.Equal("hash-2", stored.PasswordHash);
        Assert.False(await store.People.DeleteUserAsync(u.Id, "c-1"));
        Assert.True(await store.People.DeleteUserAsync(u.Id, "c-2"));
        Assert.Null(await store.People.UserAsync(u.Id));
    }

    [Fact]
    public async Task issued_keys_name_their_owner_and_older_keys_still_read()
    {
        var o = await AddOrganisation("91310000MA03TRAD04");
        await store.People.IssueApiKeyAsync("h-issued", new ApiKeyRecord(Roles.TradingParticipant, o.SubjectId, "desk", o.Id, "user-1"), T0);
        await store.People.SaveApiKeyAsync("h-old", Roles.Regulator, null, "old key");
        Assert.Equal(new ApiKeyRecord(Roles.TradingParticipant, o.SubjectId, "desk", o.Id, "user-1"), await store.People.ApiKeyAsync("h-issued"));
        Assert.Equal(new ApiKeyRecord(Roles.Regulator, null, "old key", null, null), await store.People.ApiKeyAsync("h-old"));
        Assert.Null(await store.People.ApiKeyAsync("h-none"));
    }

    [Fact]
    public async Task an_older_api_keys_table_gains_the_owner_columns()
    {
        await store.ExecuteAsync("DROP TABLE api_keys");
        await store.ExecuteAsync("CREATE TABLE api_keys (key_hash text PRIMARY KEY, role text NOT NULL, subject_id text, label text NOT NULL)");
        await store.People.SaveApiKeyAsync("h-before", Roles.Participant, "S", "before");
        await store.InitializeAsync();
        await store.InitializeAsync();
        await store.People.IssueApiKeyAsync("h-after", new ApiKeyRecord(Roles.Vvb, "S2", "after", "org", null), T0);
        Assert.Equal("before", (await store.People.ApiKeyAsync("h-before"))!.Label);
        Assert.Equal("org", (await store.People.ApiKeyAsync("h-after"))!.OrganisationId);
    }

    private static AccountApplicationRecord Application(OrganisationRecord o, string operationId, string hash = "h1") => new(
        Guid.CreateVersion7().ToString(), o.Id, operationId, hash, o.SubjectId, o.Name, 1, AccountApplicationStatus.Applied,
        Stamp.Of(T0), "user-a", null, null, null, null);

    [Fact]
    public async Task an_application_is_idempotent_per_operation_id_and_one_is_open_per_subject()
    {
        var o = await AddOrganisation("91460000MA5BLUEC01");
        var a = Application(o, "apply-1");
        Assert.Equal(InsertOutcome.Inserted, (await store.Workflow.AddApplicationAsync(a)).Outcome);
        var again = await store.Workflow.AddApplicationAsync(Application(o, "apply-1"));
        Assert.Equal((InsertOutcome.Replayed, a.Id), (again.Outcome, again.Record.Id));
        Assert.Equal(InsertOutcome.OperationIdReused, (await store.Workflow.AddApplicationAsync(Application(o, "apply-1", "h2"))).Outcome);
        Assert.Equal(InsertOutcome.Duplicate, (await store.Workflow.AddApplicationAsync(Application(o, "apply-2"))).Outcome);

        Assert.True(await store.Workflow.DecideApplicationAsync(a.Id, AccountApplicationStatus.Rejected, "admin", T0, "wrong") is false);
        Assert.True(await store.Workflow.StartReviewAsync(a.Id, "admin", T0, new DateOnly(2026, 3, 23)));
        Assert.False(await store.Workflow.StartReviewAsync(a.Id, "admin", T0, new DateOnly(2026, 3, 23)));
        Assert.True(await store.Workflow.DecideApplicationAsync(a.Id, AccountApplicationStatus.Rejected, "admin", T0.AddDays(1), "documents missing"));
        Assert.Equal(InsertOutcome.Inserted, (await store.Workflow.AddApplicationAsync(Application(o, "apply-2"))).Outcome);

        var stored = await store.Workflow.ApplicationAsync(a.Id);
        Assert.Equal((AccountApplicationStatus.Rejected, "documents missing", new DateOnly(2026, 3, 23)), (stored!.Status, stored.Reason, stored.ReviewDue));
        var history = await store.Workflow.ApplicationHistoryAsync(a.Id);
        Assert.Equal([1, 2, 4], history.Select(h => h.Status));
        Assert.Equal(["user-a", "admin", "admin"], history.Select(h => h.Actor));
        Assert.Equal("documents missing", history[^1].Note);
        Assert.Equal(2, (await store.Workflow.ApplicationsAsync(o.Id, 10, 0)).Count);
        Assert.Empty(await store.Workflow.ApplicationsAsync("other", 10, 0));
    }

    [Fact]
    public async Task an_approval_is_claimed_then_given_its_account_or_reopened()
    {
        var o = await AddOrganisation("91630000MA7CSP0009");
        var a = Application(o, "apply");
        await store.Workflow.AddApplicationAsync(a);
        await store.Workflow.StartReviewAsync(a.Id, "admin", T0, new DateOnly(2026, 3, 23));
        Assert.True(await store.Workflow.DecideApplicationAsync(a.Id, AccountApplicationStatus.Active, "admin", T0, null));
        Assert.False(await store.Workflow.DecideApplicationAsync(a.Id, AccountApplicationStatus.Rejected, "admin2", T0, "late"));
        Assert.True(await store.Workflow.ReopenReviewAsync(a.Id, "admin", T0, "ledger refused"));
        Assert.True(await store.Workflow.DecideApplicationAsync(a.Id, AccountApplicationStatus.Active, "admin", T0, null));
        Assert.True(await store.Workflow.RecordApplicationAccountAsync(a.Id, 41, "admin", T0));
        Assert.False(await store.Workflow.RecordApplicationAccountAsync(a.Id, 43, "admin", T0));
        Assert.False(await store.Workflow.ReopenReviewAsync(a.Id, "admin", T0, "too late"));
        Assert.Equal(41, (await store.Workflow.ApplicationAsync(a.Id))!.RegistryAccountId);
        Assert.Equal(6, (await store.Workflow.ApplicationHistoryAsync(a.Id)).Count);
    }

    private static ChangeRequestRecord Cancellation(OrganisationRecord o, string operationId, string hash = "h1") => new(
        Guid.CreateVersion7().ToString(), o.Id, operationId, hash, ChangeRequestKind.Cancellation, 1, "SD-OW-0001", 2024, 500, 4,
        "Acme 2024", null, "offset", null, ChangeRequestStatus.Reserving, "maker", Stamp.Of(T0), null, null, null);

    [Fact]
    public async Task a_request_is_decided_once_and_its_history_records_every_step()
    {
        var o = await AddOrganisation("91370000MA3CSPIC01");
        var q = Cancellation(o, "cancel-1");
        Assert.Equal(InsertOutcome.Inserted, (await store.Workflow.AddChangeRequestAsync(q)).Outcome);
        Assert.Equal(InsertOutcome.Replayed, (await store.Workflow.AddChangeRequestAsync(Cancellation(o, "cancel-1"))).Outcome);
        Assert.Equal(InsertOutcome.OperationIdReused, (await store.Workflow.AddChangeRequestAsync(Cancellation(o, "cancel-1", "h2"))).Outcome);
        Assert.False(await store.Workflow.ClaimDecisionAsync(q.Id, ChangeRequestStatus.Confirmed, "checker", T0, null));
        Assert.True(await store.Workflow.MarkReservedAsync(q.Id, 7, "maker", T0));
        Assert.True(await store.Workflow.ClaimDecisionAsync(q.Id, ChangeRequestStatus.Confirmed, "checker", T0, null));
        Assert.False(await store.Workflow.ClaimDecisionAsync(q.Id, ChangeRequestStatus.Rejected, "other", T0, "no"));
        Assert.True(await store.Workflow.ReleaseClaimAsync(q.Id, ChangeRequestStatus.Confirmed, "checker", T0, "ledger refused: account restricted"));
        Assert.True(await store.Workflow.ClaimDecisionAsync(q.Id, ChangeRequestStatus.Confirmed, "checker2", T0, null));
        Assert.True(await store.Workflow.RecordDecisionOutcomeAsync(q.Id, ChangeRequestStatus.Confirmed, "CERT-1", "checker2", T0));
        Assert.False(await store.Workflow.RecordDecisionOutcomeAsync(q.Id, ChangeRequestStatus.Confirmed, "CERT-2", "checker2", T0));
        Assert.False(await store.Workflow.ReleaseClaimAsync(q.Id, ChangeRequestStatus.Confirmed, "checker2", T0, "too late"));

        var stored = await store.Workflow.ChangeRequestAsync(q.Id);
        Assert.Equal((ChangeRequestStatus.Confirmed, "checker2", "CERT-1", 7L), (stored!.Status, stored.DecidedBy, stored.Outcome, stored.ReservationId));
        Assert.Equal((500L, 2024, 4), (stored.Quantity!.Value, stored.Vintage!.Value, stored.Purpose!.Value));
        var history = await store.Workflow.ChangeRequestHistoryAsync(q.Id);
        Assert.Equal([0, 1, 2, 1, 2, 2], history.Select(h => h.Status));
        Assert.Equal(["maker", "maker", "checker", "checker", "checker2", "checker2"], history.Select(h => h.Actor));
        Assert.Single(await store.Workflow.ChangeRequestsAsync(ChangeRequestKind.Cancellation, o.Id, 10, 0));
        Assert.Single(await store.Workflow.ChangeRequestsAsync(ChangeRequestKind.Cancellation, null, 10, 0));
        Assert.Empty(await store.Workflow.ChangeRequestsAsync(ChangeRequestKind.AccountState, null, 10, 0));
    }

    [Fact]
    public async Task a_request_the_ledger_would_not_hold_is_refused_for_good()
    {
        var o = await AddOrganisation("91370000MA3CSPIC01");
        var q = Cancellation(o, "cancel-2");
        await store.Workflow.AddChangeRequestAsync(q);
        Assert.True(await store.Workflow.MarkRefusedAsync(q.Id, "maker", T0, "insufficient units"));
        Assert.False(await store.Workflow.MarkReservedAsync(q.Id, 9, "maker", T0));
        Assert.False(await store.Workflow.ClaimDecisionAsync(q.Id, ChangeRequestStatus.Rejected, "checker", T0, "no"));
        Assert.Equal(ChangeRequestStatus.Refused, (await store.Workflow.ChangeRequestAsync(q.Id))!.Status);
    }
}

public sealed class SqlitePeopleStoreContract : PeopleStoreContract
{
    private readonly string connectionString = TestStores.NewSqliteConnectionString();

    protected override string ConnectionString() => connectionString;
}

public sealed class PostgresPeopleStoreContract : PeopleStoreContract
{
    private readonly string connectionString = TestStores.NewPostgresConnectionString();

    protected override string ConnectionString() => connectionString;
}
