using System.Data.Common;
using OpenCcer.Storage.People;

namespace OpenCcer.Storage;

// Organisations, the people in them, and API keys issued to either.
public sealed partial class PeopleStore(LedgerStore db) : StoreAccess(db)
{
    private const string OrganisationColumns = "id, subject_id, name, role, created_at";

    private const string UserColumns = """
        id, organisation_id, user_name, normalized_user_name, email, normalized_email, email_confirmed, display_name,
        password_hash, security_stamp, concurrency_stamp, lockout_enabled, lockout_end, access_failed_count, created_at
        """;

    /// <summary>Records an organisation; <see cref="InsertOutcome.Duplicate"/> when its id or subject id is taken.</summary>
    public async Task<InsertOutcome> AddOrganisationAsync(OrganisationRecord o, CancellationToken ct = default) =>
        await ExecuteAsync($"INSERT INTO organisations ({OrganisationColumns}) VALUES (@id, @s, @n, @r, @at) ON CONFLICT DO NOTHING", ct,
            ("@id", o.Id), ("@s", o.SubjectId), ("@n", o.Name), ("@r", o.Role), ("@at", o.CreatedAt)) == 1
            ? InsertOutcome.Inserted
            : InsertOutcome.Duplicate;

    public async Task<OrganisationRecord?> OrganisationAsync(string id, CancellationToken ct = default) =>
        (await ReadAsync($"SELECT {OrganisationColumns} FROM organisations WHERE id = @k", ReadOrganisation, ct, ("@k", id))).SingleOrDefault();

    public async Task<OrganisationRecord?> OrganisationOfSubjectAsync(string subjectId, CancellationToken ct = default) =>
        (await ReadAsync($"SELECT {OrganisationColumns} FROM organisations WHERE subject_id = @k", ReadOrganisation, ct, ("@k", subjectId))).SingleOrDefault();

    public Task<List<OrganisationRecord>> OrganisationsAsync(int limit, int offset, CancellationToken ct = default) =>
        ReadAsync($"SELECT {OrganisationColumns} FROM organisations ORDER BY name, id LIMIT @limit OFFSET @offset", ReadOrganisation, ct,
            ("@limit", Clamp(limit)), ("@offset", Math.Max(0, offset)));

    /// <summary>Records a person; <see cref="InsertOutcome.Duplicate"/> when the id or normalized user name is taken.</summary>
    public async Task<InsertOutcome> AddUserAsync(UserRecord u, CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            INSERT INTO users ({UserColumns})
            VALUES (@id, @org, @name, @nname, @email, @nemail, @confirmed, @display, @hash, @stamp, @cstamp, @lenabled, @lend, @failed, @at)
            ON CONFLICT DO NOTHING
            """;
        AddUserParameters(command, u, u.ConcurrencyStamp);
        Add(command, "@org", u.OrganisationId);
        Add(command, "@at", u.CreatedAt);
        return await command.ExecuteNonQueryAsync(ct) == 1 ? InsertOutcome.Inserted : InsertOutcome.Duplicate;
    }

    /// <summary>
    /// Replaces a person's mutable fields when the stored concurrency stamp is still
    /// <paramref name="expectedConcurrencyStamp"/>; false when someone else changed the row first.
    /// </summary>
    public async Task<bool> UpdateUserAsync(UserRecord u, string expectedConcurrencyStamp, CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE users SET user_name = @name, normalized_user_name = @nname, email = @email, normalized_email = @nemail,
              email_confirmed = @confirmed, display_name = @display, password_hash = @hash, security_stamp = @stamp,
              concurrency_stamp = @cstamp, lockout_enabled = @lenabled, lockout_end = @lend, access_failed_count = @failed
            WHERE id = @id AND concurrency_stamp = @expected
            """;
        AddUserParameters(command, u, u.ConcurrencyStamp);
        Add(command, "@expected", expectedConcurrencyStamp);
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    public async Task<bool> DeleteUserAsync(string id, string expectedConcurrencyStamp, CancellationToken ct = default) =>
        await ExecuteAsync("DELETE FROM users WHERE id = @id AND concurrency_stamp = @expected", ct,
            ("@id", id), ("@expected", expectedConcurrencyStamp)) == 1;

    public async Task<UserRecord?> UserAsync(string id, CancellationToken ct = default) =>
        (await ReadAsync($"SELECT {UserColumns} FROM users WHERE id = @k", ReadUser, ct, ("@k", id))).SingleOrDefault();

    public async Task<UserRecord?> UserByNameAsync(string normalizedUserName, CancellationToken ct = default) =>
        (await ReadAsync($"SELECT {UserColumns} FROM users WHERE normalized_user_name = @k", ReadUser, ct, ("@k", normalizedUserName))).SingleOrDefault();

    /// <summary>The first person (by id) with this normalized e-mail address.</summary>
    public async Task<UserRecord?> UserByEmailAsync(string normalizedEmail, CancellationToken ct = default) =>
        (await ReadAsync($"SELECT {UserColumns} FROM users WHERE normalized_email = @k ORDER BY id LIMIT 1", ReadUser, ct, ("@k", normalizedEmail))).SingleOrDefault();

    public Task<List<UserRecord>> UsersOfOrganisationAsync(string organisationId, CancellationToken ct = default) =>
        ReadAsync($"SELECT {UserColumns} FROM users WHERE organisation_id = @k ORDER BY user_name LIMIT {PageSizeMax}", ReadUser, ct, ("@k", organisationId));

    /// <summary>Stores a key issued by an administrator, by its hash, with the organisation and person it acts for.</summary>
    public Task IssueApiKeyAsync(string keyHash, ApiKeyRecord key, DateTimeOffset issuedAt, CancellationToken ct = default) =>
        ExecuteAsync("""
            INSERT INTO api_keys (key_hash, role, subject_id, label, organisation_id, user_id, issued_at)
            VALUES (@h, @r, @s, @l, @o, @u, @at)
            """, ct,
            ("@h", keyHash), ("@r", key.Role), ("@s", key.SubjectId), ("@l", key.Label), ("@o", key.OrganisationId), ("@u", key.UserId),
            ("@at", Stamp.Of(issuedAt)));

    /// <summary>The key with this hash, with its owner when it was issued to one.</summary>
    public async Task<ApiKeyRecord?> ApiKeyAsync(string keyHash, CancellationToken ct = default) =>
        (await ReadAsync("SELECT role, subject_id, label, organisation_id, user_id FROM api_keys WHERE key_hash = @k",
            r => new ApiKeyRecord(r.GetString(0), Text(r, 1), r.GetString(2), Text(r, 3), Text(r, 4)), ct, ("@k", keyHash))).SingleOrDefault();

    private static void AddUserParameters(DbCommand command, UserRecord u, string concurrencyStamp)
    {
        Add(command, "@id", u.Id);
        Add(command, "@name", u.UserName);
        Add(command, "@nname", u.NormalizedUserName);
        Add(command, "@email", u.Email);
        Add(command, "@nemail", u.NormalizedEmail);
        Add(command, "@confirmed", u.EmailConfirmed ? 1 : 0);
        Add(command, "@display", u.DisplayName);
        Add(command, "@hash", u.PasswordHash);
        Add(command, "@stamp", u.SecurityStamp);
        Add(command, "@cstamp", concurrencyStamp);
        Add(command, "@lenabled", u.LockoutEnabled ? 1 : 0);
        Add(command, "@lend", u.LockoutEnd is { } end ? Stamp.Of(end) : null);
        Add(command, "@failed", u.AccessFailedCount);
    }

    private static OrganisationRecord ReadOrganisation(DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4));

    private static UserRecord ReadUser(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), Text(r, 4), Text(r, 5), Int(r, 6) != 0, r.GetString(7),
        Text(r, 8), r.GetString(9), r.GetString(10), Int(r, 11) != 0, Text(r, 12) is { } end ? Stamp.Parse(end) : null, Int(r, 13),
        r.GetString(14));

    public Task SaveApiKeyAsync(string keyHash, string role, string? subjectId, string label, CancellationToken ct = default) =>
        ExecuteAsync("""
            INSERT INTO api_keys (key_hash, role, subject_id, label) VALUES (@h, @r, @s, @l)
            ON CONFLICT (key_hash) DO UPDATE SET role = excluded.role, subject_id = excluded.subject_id, label = excluded.label
            """, ct, ("@h", keyHash), ("@r", role), ("@s", subjectId), ("@l", label));

    public async Task<(string Role, string? SubjectId, string Label)?> FindApiKeyAsync(string keyHash, CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT role, subject_id, label FROM api_keys WHERE key_hash = @h";
        Add(command, "@h", keyHash);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return (reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2));
    }
}
