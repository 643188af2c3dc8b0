using System.Security.Cryptography;
using OpenCcer.Core.Lifecycle;
using OpenCcer.Storage;
using OpenCcer.Storage.People;

namespace OpenCcer.Application.People;

/// <summary>
/// The registry administrator's register of organisations, their people and their API keys. Only the registry
/// administrator administers; an organisation's role is one of <see cref="Roles.OrganisationRoles"/>, and a key
/// carries its organisation's role and subject, issued to the organisation or to one of its own people.
/// </summary>
public sealed class Administration(LedgerStore store, TimeProvider time)
{
    public const int SubjectIdLength = 18;
    public const int NameLengthMax = 200;

    /// <summary>Organisations listed when the caller names no limit.</summary>
    public const int ListLimitDefault = 100;

    private static Refusal? Administrator(Caller caller) =>
        caller.IsAdministrator ? null : Refusals.Forbidden("Only the registry administrator administers organisations, people and keys.");

    /// <summary>Registers an organisation with its unified social credit code and its role.</summary>
    public async Task<Outcome<OrganisationRecord>> AddOrganisationAsync(Caller caller, OrganisationRequest body, CancellationToken ct = default)
    {
        var r = new Fields();
        var name = r.Text("name", body.Name, NameLengthMax);
        var subject = r.Required("subject_id", body.SubjectId);
        if (subject.Length > 0 && (subject.Length != SubjectIdLength || !subject.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c))))
            r.Fail("subject_id", $"The unified social credit code: {SubjectIdLength} digits and capital letters.");
        if (body.Role is null || !Roles.OrganisationRoles.Contains(body.Role))
            r.Fail("role", $"One of: {string.Join(", ", Roles.OrganisationRoles)}.");
        if (r.HasErrors) return r.Refusal();
        if (Administrator(caller) is { } no) return no;
        var now = time.GetUtcNow();
        var organisation = new OrganisationRecord(Guid.CreateVersion7(now).ToString(), subject, name, body.Role!, Stamp.Of(now));
        if (await store.People.AddOrganisationAsync(organisation, ct) == InsertOutcome.Duplicate)
            return Refusals.Of(WorkflowStatus.SubjectIdTaken, $"Subject {subject} is registered.");
        return organisation;
    }

    /// <summary>Organisations by name.</summary>
    public async Task<Outcome<IReadOnlyList<OrganisationRecord>>> OrganisationsAsync(Caller caller, int? limit, int? offset, CancellationToken ct = default) =>
        Administrator(caller) is { } no ? no : Outcome<IReadOnlyList<OrganisationRecord>>.Ok(await store.People.OrganisationsAsync(limit ?? ListLimitDefault, offset ?? 0, ct));

    /// <summary>One organisation with its people.</summary>
    public async Task<Outcome<OrganisationResult>> OrganisationAsync(Caller caller, Guid id, CancellationToken ct = default)
    {
        if (Administrator(caller) is { } no) return no;
        var organisation = await store.People.OrganisationAsync(id.ToString(), ct);
        if (organisation is null) return Refusals.Of(WorkflowStatus.OrganisationNotFound);
        return new OrganisationResult(organisation, await store.People.UsersOfOrganisationAsync(organisation.Id, ct));
    }

    /// <summary>
    /// Checks a person to add to organisation <paramref name="organisationId"/>: the fields, the caller and that the
    /// organisation exists. The sign-in system then creates the user (and checks the password's strength).
    /// </summary>
    public async Task<Outcome<NewUser>> NewUserAsync(Caller caller, Guid organisationId, UserRequest body, CancellationToken ct = default)
    {
        var r = new Fields();
        var name = r.Required("user_name", body.UserName);
        var email = r.Required("email", body.Email);
        var display = r.Text("display_name", body.DisplayName, NameLengthMax);
        var password = r.Required("password", body.Password);
        if (r.HasErrors) return r.Refusal();
        if (Administrator(caller) is { } no) return no;
        if (await store.People.OrganisationAsync(organisationId.ToString(), ct) is null) return Refusals.Of(WorkflowStatus.OrganisationNotFound);
        return new NewUser(organisationId.ToString(), name, email, display, password);
    }

    /// <summary>Issues an API key to an organisation or one of its people; the key is returned once and stored hashed.</summary>
    public async Task<Outcome<IssuedKey>> IssueKeyAsync(Caller caller, ApiKeyRequest body, CancellationToken ct = default)
    {
        var r = new Fields();
        var organisationId = r.Required("organisation_id", body.OrganisationId);
        var label = r.Text("label", body.Label, NameLengthMax);
        if (r.HasErrors) return r.Refusal();
        if (Administrator(caller) is { } no) return no;
        var organisation = await store.People.OrganisationAsync(organisationId, ct);
        if (organisation is null) return Refusals.Of(WorkflowStatus.OrganisationNotFound);
        if (body.UserId is not null)
        {
            var user = await store.People.UserAsync(body.UserId, ct);
            if (user is null) return Refusals.Of(WorkflowStatus.UserNotFound);
            if (user.OrganisationId != organisation.Id) return Refusals.Of(WorkflowStatus.OtherOrganisation, "The user is not in this organisation.");
        }
        var key = "ccer_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var record = new ApiKeyRecord(organisation.Role, organisation.SubjectId, label, organisation.Id, body.UserId);
        await store.People.IssueApiKeyAsync(DemoSeed.HashKey(key), record, time.GetUtcNow(), ct);
        return new IssuedKey(key, record);
    }
}
