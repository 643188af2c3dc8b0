using System.Data.Common;
using System.Globalization;

namespace OpenCcer.Storage.People;

/// <summary>
/// Tables for organisations, the people in them, registry account applications and maker-checker
/// requests. Kept apart from the ledger schema: none of these rows is derived from the journal.
/// Workflow rows change only by conditional updates (<c>WHERE status = expected</c>), so two people
/// deciding the same request at once cannot both win.
/// </summary>
public static class PeopleSchema
{
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS organisations (
            id text PRIMARY KEY, subject_id text NOT NULL UNIQUE, name text NOT NULL, role text NOT NULL,
            created_at text NOT NULL);
        CREATE TABLE IF NOT EXISTS users (
            id text PRIMARY KEY, organisation_id text NOT NULL REFERENCES organisations (id),
            user_name text NOT NULL, normalized_user_name text NOT NULL UNIQUE, email text, normalized_email text,
            email_confirmed integer NOT NULL, display_name text NOT NULL, password_hash text,
            security_stamp text NOT NULL, concurrency_stamp text NOT NULL, lockout_enabled integer NOT NULL,
            lockout_end text, access_failed_count integer NOT NULL CHECK (access_failed_count >= 0),
            created_at text NOT NULL);
        CREATE INDEX IF NOT EXISTS users_by_email ON users (normalized_email);
        CREATE INDEX IF NOT EXISTS users_by_organisation ON users (organisation_id, user_name);
        CREATE TABLE IF NOT EXISTS account_applications (
            id text PRIMARY KEY, organisation_id text NOT NULL, operation_id text NOT NULL, request_hash text NOT NULL,
            subject_id text NOT NULL, subject_name text NOT NULL, holder_type integer NOT NULL, status integer NOT NULL,
            applied_at text NOT NULL, applied_by text NOT NULL, review_due text, decided_at text, reason text,
            registry_account_id bigint, UNIQUE (organisation_id, operation_id));
        CREATE UNIQUE INDEX IF NOT EXISTS account_applications_open ON account_applications (subject_id) WHERE status IN (1, 2);
        CREATE TABLE IF NOT EXISTS account_application_history (
            application_id text NOT NULL, step integer NOT NULL, status integer NOT NULL, actor text NOT NULL,
            at text NOT NULL, note text, PRIMARY KEY (application_id, step));
        CREATE TABLE IF NOT EXISTS change_requests (
            id text PRIMARY KEY, organisation_id text NOT NULL, operation_id text NOT NULL, request_hash text NOT NULL,
            kind integer NOT NULL, account_id bigint NOT NULL, project_code text, vintage integer, quantity bigint,
            purpose integer, beneficiary text, target_state integer, reason text NOT NULL, reservation_id bigint,
            status integer NOT NULL, initiated_by text NOT NULL, initiated_at text NOT NULL, decided_by text,
            decided_at text, outcome text, certificate_number text, UNIQUE (organisation_id, operation_id));
        CREATE INDEX IF NOT EXISTS change_requests_by_organisation ON change_requests (organisation_id, initiated_at);
        CREATE TABLE IF NOT EXISTS change_request_history (
            request_id text NOT NULL, step integer NOT NULL, status integer NOT NULL, actor text NOT NULL,
            at text NOT NULL, note text, PRIMARY KEY (request_id, step));
        """;

    /// <summary>
    /// Creates the tables and adds the owner columns to <c>api_keys</c> and the certificate number to
    /// <c>change_requests</c> when an older database lacks them.
    /// </summary>
    public static async Task ApplyAsync(DbConnection connection, CancellationToken ct)
    {
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = Schema;
            await command.ExecuteNonQueryAsync(ct);
        }
        foreach (var column in new[] { "organisation_id", "user_id", "issued_at" })
        {
            if (await HasColumnAsync(connection, "api_keys", column, ct)) continue;
            await using var alter = connection.CreateCommand();
            alter.CommandText = $"ALTER TABLE api_keys ADD COLUMN {column} text";
            await alter.ExecuteNonQueryAsync(ct);
        }
        if (!await HasColumnAsync(connection, "change_requests", "certificate_number", ct)) await AddCertificateNumberAsync(connection, ct);
    }

    private const string LegacyCertificatePrefix = "Cancelled: certificate ";

    /// <summary>
    /// Older databases kept a confirmed cancellation's certificate only inside the outcome text
    /// ("Cancelled: certificate {number}."); the number moves to its own column, filled from that text once.
    /// </summary>
    private static async Task AddCertificateNumberAsync(DbConnection connection, CancellationToken ct)
    {
        var start = LegacyCertificatePrefix.Length + 1;
        await using var alter = connection.CreateCommand();
        alter.CommandText = string.Create(CultureInfo.InvariantCulture, $"""
            ALTER TABLE change_requests ADD COLUMN certificate_number text;
            UPDATE change_requests SET certificate_number = substr(outcome, {start}, length(outcome) - {start})
            WHERE kind = {(int)ChangeRequestKind.Cancellation} AND status = {(int)ChangeRequestStatus.Confirmed}
              AND outcome LIKE '{LegacyCertificatePrefix}%.';
            """);
        await alter.ExecuteNonQueryAsync(ct);
    }

    private static async Task<bool> HasColumnAsync(DbConnection connection, string table, string column, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {table} WHERE 1 = 0";
        await using var reader = await command.ExecuteReaderAsync(ct);
        for (var i = 0; i < reader.FieldCount; i++)
            if (string.Equals(reader.GetName(i), column, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }
}
