using System.Data.Common;

namespace OpenCcer.Storage.Documents;

/// <summary>
/// Tables for uploaded documents: metadata per upload in <c>documents</c>, content once per SHA-256 in
/// <c>document_contents</c>, so the same file uploaded twice is stored once. The column type
/// <c>bytea</c> is PostgreSQL's binary type; SQLite stores the bytes as a BLOB under any type name.
/// </summary>
public static class DocumentSchema
{
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS document_contents (
            sha256 text PRIMARY KEY, size_bytes bigint NOT NULL CHECK (size_bytes >= 0), content bytea NOT NULL);
        CREATE TABLE IF NOT EXISTS documents (
            id text PRIMARY KEY, project_id text NOT NULL, reduction_id text, kind text NOT NULL, file_name text NOT NULL,
            content_type text NOT NULL, size_bytes bigint NOT NULL CHECK (size_bytes >= 0),
            sha256 text NOT NULL REFERENCES document_contents (sha256), uploaded_by_subject text NOT NULL,
            uploaded_by_role text NOT NULL, uploaded_at text NOT NULL, disclosed_at text);
        CREATE INDEX IF NOT EXISTS documents_by_project ON documents (project_id, uploaded_at);
        """;

    public static async Task ApplyAsync(DbConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Schema;
        await command.ExecuteNonQueryAsync(ct);
    }
}
