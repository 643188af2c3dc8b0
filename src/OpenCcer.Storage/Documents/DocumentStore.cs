using System.Data.Common;
using System.Security.Cryptography;
using System.Text.Json;
using OpenCcer.Core.Lifecycle;
using OpenCcer.Storage.Documents;
using OpenCcer.Storage.People;

namespace OpenCcer.Storage;

// Uploaded documents: metadata rows, and content stored once per SHA-256.
public sealed partial class DocumentStore(LedgerStore db) : StoreAccess(db)
{
    // Serialises uploads so the per-project count and the insert cannot interleave.
    private readonly SemaphoreSlim documentWriter = new(1, 1);

    private const string DocumentColumns = """
        id, project_id, reduction_id, kind, file_name, content_type, size_bytes, sha256, uploaded_by_subject, uploaded_by_role,
        uploaded_at, disclosed_at
        """;

    /// <summary>
    /// Stores a document and its content in one transaction, unless the project already holds
    /// <paramref name="perProjectMax"/> documents. The content is written once per hash. Throws when the
    /// record's hash or size is not that of <paramref name="content"/>: the caller computes them, so a
    /// mismatch is a bug.
    /// </summary>
    public async Task<DocumentSaveOutcome> SaveDocumentAsync(DocumentRecord d, ReadOnlyMemory<byte> content, int perProjectMax,
        CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(perProjectMax);
        if (d.SizeBytes != content.Length || d.Sha256 != Sha256Hex(content.Span))
            throw new ArgumentException($"Document {d.Id}: the hash or size does not match the content.", nameof(d));
        await documentWriter.WaitAsync(ct);
        try
        {
            await using var connection = await OpenAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await using (var count = connection.CreateCommand())
            {
                count.Transaction = transaction;
                count.CommandText = "SELECT COUNT(*) FROM documents WHERE project_id = @p";
                Add(count, "@p", d.Project.ToString());
                if (Convert.ToInt64(await count.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) >= perProjectMax)
                    return DocumentSaveOutcome.LimitReached;
            }
            await using (var blob = connection.CreateCommand())
            {
                blob.Transaction = transaction;
                blob.CommandText = "INSERT INTO document_contents (sha256, size_bytes, content) VALUES (@h, @n, @c) ON CONFLICT (sha256) DO NOTHING";
                Add(blob, "@h", d.Sha256);
                Add(blob, "@n", d.SizeBytes);
                Add(blob, "@c", content.ToArray());
                await blob.ExecuteNonQueryAsync(ct);
            }
            await using (var row = connection.CreateCommand())
            {
                row.Transaction = transaction;
                row.CommandText = $"""
                    INSERT INTO documents ({DocumentColumns})
                    VALUES (@id, @p, @r, @k, @f, @t, @n, @h, @s, @role, @at, @disclosed)
                    """;
                Add(row, "@id", d.Id.ToString());
                Add(row, "@p", d.Project.ToString());
                Add(row, "@r", d.Reduction?.ToString());
                Add(row, "@k", KindText(d.Kind));
                Add(row, "@f", d.FileName);
                Add(row, "@t", d.ContentType);
                Add(row, "@n", d.SizeBytes);
                Add(row, "@h", d.Sha256);
                Add(row, "@s", d.UploadedBySubject);
                Add(row, "@role", d.UploadedByRole);
                Add(row, "@at", Stamp.Of(d.UploadedAt));
                Add(row, "@disclosed", d.DisclosedAt is { } at ? Stamp.Of(at) : null);
                await row.ExecuteNonQueryAsync(ct);
            }
            await transaction.CommitAsync(ct);
            return DocumentSaveOutcome.Saved;
        }
        finally
        {
            documentWriter.Release();
        }
    }

    public async Task<DocumentRecord?> DocumentAsync(DocumentId id, CancellationToken ct = default) =>
        (await ReadAsync($"SELECT {DocumentColumns} FROM documents WHERE id = @id", ReadDocument, ct, ("@id", id.ToString()))).SingleOrDefault();

    /// <summary>The documents of a project, oldest first; at most <see cref="PageSizeMax"/>.</summary>
    public Task<List<DocumentRecord>> DocumentsOfProjectAsync(ProjectId project, CancellationToken ct = default) =>
        ReadAsync($"SELECT {DocumentColumns} FROM documents WHERE project_id = @p ORDER BY uploaded_at, id LIMIT {PageSizeMax}",
            ReadDocument, ct, ("@p", project.ToString()));

    /// <summary>The stored bytes with this SHA-256 (lower-case hex), or null.</summary>
    public async Task<byte[]?> DocumentContentAsync(string sha256, CancellationToken ct = default) =>
        (await ReadAsync("SELECT content FROM document_contents WHERE sha256 = @h", r => r.GetFieldValue<byte[]>(0), ct, ("@h", sha256)))
        .SingleOrDefault();

    /// <summary>Records when a document was first found disclosed; false when it was already marked (or does not exist).</summary>
    public async Task<bool> MarkDocumentDisclosedAsync(DocumentId id, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE documents SET disclosed_at = @at WHERE id = @id AND disclosed_at IS NULL";
        Add(command, "@id", id.ToString());
        Add(command, "@at", Stamp.Of(at));
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>Lower-case hex SHA-256, the form in which documents are stored and shown.</summary>
    public static string Sha256Hex(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    private static string KindText(DocumentKind kind) => JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString());

    private static DocumentKind ParseKind(string text) =>
        Enum.Parse<DocumentKind>(text.Replace("_", "", StringComparison.Ordinal), ignoreCase: true);

    private static DocumentRecord ReadDocument(DbDataReader r) => new(
        new DocumentId(Guid.Parse(r.GetString(0))), new ProjectId(Guid.Parse(r.GetString(1))),
        Text(r, 2) is { } reduction ? new ReductionId(Guid.Parse(reduction)) : null, ParseKind(r.GetString(3)), r.GetString(4),
        r.GetString(5), Convert.ToInt64(r.GetValue(6), System.Globalization.CultureInfo.InvariantCulture), r.GetString(7), r.GetString(8),
        r.GetString(9), Stamp.Parse(r.GetString(10)), Text(r, 11) is { } disclosed ? Stamp.Parse(disclosed) : null);
}
