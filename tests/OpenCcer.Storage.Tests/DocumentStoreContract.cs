using System.Security.Cryptography;
using System.Text;
using OpenCcer.Core.Lifecycle;
using OpenCcer.Storage;
using OpenCcer.Storage.Documents;

namespace OpenCcer.Storage.Tests;

/// <summary>Document metadata and content: the same behaviour on every store.</summary>
public abstract class DocumentStoreContract : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
    private LedgerStore store = null!;

    protected abstract string ConnectionString();

    public async Task InitializeAsync()
    {
        store = LedgerStore.Open(ConnectionString());
        await store.InitializeAsync();
    }

    public async Task DisposeAsync() => await store.DisposeAsync();

    private static DocumentRecord Document(ProjectId project, byte[] content, DocumentKind kind = DocumentKind.DesignDocument,
        ReductionId? reduction = null, int minute = 0) =>
        new(new DocumentId(Guid.CreateVersion7()), project, reduction, kind, "设计文件.pdf", "application/pdf", content.Length,
            Convert.ToHexStringLower(SHA256.HashData(content)), "91370000MA3CSPIC01", "project-owner", At.AddMinutes(minute), null);

    private static byte[] Pdf(string text) => Encoding.UTF8.GetBytes("%PDF-1.7\n" + text);

    [Fact]
    public async Task a_document_round_trips_with_its_metadata_and_exact_bytes()
    {
        var project = new ProjectId(Guid.NewGuid());
        var content = Pdf("design").Concat(new byte[] { 0, 255, 128, 10 }).ToArray();
        var d = Document(project, content, DocumentKind.MonitoringReport, new ReductionId(Guid.NewGuid()));
        Assert.Equal(DocumentSaveOutcome.Saved, await store.Documents.SaveDocumentAsync(d, content, 200));
        Assert.Equal(d, await store.Documents.DocumentAsync(d.Id));
        Assert.Equal(content, await store.Documents.DocumentContentAsync(d.Sha256));
        Assert.Equal(DocumentStore.Sha256Hex(content), d.Sha256);
        Assert.Null(await store.Documents.DocumentAsync(new DocumentId(Guid.NewGuid())));
        Assert.Null(await store.Documents.DocumentContentAsync(new string('0', 64)));
    }

    [Fact]
    public async Task documents_are_listed_per_project_oldest_first_and_identical_content_is_stored_once()
    {
        var project = new ProjectId(Guid.NewGuid());
        var other = new ProjectId(Guid.NewGuid());
        var content = Pdf("same");
        var first = Document(project, content, minute: 1);
        var second = Document(project, content, DocumentKind.Evidence, minute: 2);
        await store.Documents.SaveDocumentAsync(second, content, 200);
        await store.Documents.SaveDocumentAsync(first, content, 200);
        await store.Documents.SaveDocumentAsync(Document(other, Pdf("other")), Pdf("other"), 200);
        Assert.Equal([first, second], await store.Documents.DocumentsOfProjectAsync(project));
        Assert.Empty(await store.Documents.DocumentsOfProjectAsync(new ProjectId(Guid.NewGuid())));
        Assert.Equal(1, await store.ExecuteAsync($"UPDATE document_contents SET size_bytes = size_bytes WHERE sha256 = '{first.Sha256}'"));
    }

    [Fact]
    public async Task a_project_at_its_document_limit_refuses_another_and_nothing_is_written()
    {
        var project = new ProjectId(Guid.NewGuid());
        Assert.Equal(DocumentSaveOutcome.Saved, await store.Documents.SaveDocumentAsync(Document(project, Pdf("1")), Pdf("1"), 2));
        Assert.Equal(DocumentSaveOutcome.Saved, await store.Documents.SaveDocumentAsync(Document(project, Pdf("2")), Pdf("2"), 2));
        var third = Document(project, Pdf("3"));
        Assert.Equal(DocumentSaveOutcome.LimitReached, await store.Documents.SaveDocumentAsync(third, Pdf("3"), 2));
        Assert.Null(await store.Documents.DocumentAsync(third.Id));
        Assert.Null(await store.Documents.DocumentContentAsync(third.Sha256));
        Assert.Equal(DocumentSaveOutcome.Saved, await store.Documents.SaveDocumentAsync(Document(new ProjectId(Guid.NewGuid()), Pdf("3")), Pdf("3"), 2));
    }

    [Fact]
    public async Task a_record_whose_hash_is_not_that_of_its_content_is_a_bug()
    {
        var d = Document(new ProjectId(Guid.NewGuid()), Pdf("a"));
        await Assert.ThrowsAsync<ArgumentException>(() => store.Documents.SaveDocumentAsync(d, Pdf("b"), 200));
        Assert.Null(await store.Documents.DocumentAsync(d.Id));
    }

    [Fact]
    public async Task marking_disclosed_records_the_first_time_only()
    {
        var d = Document(new ProjectId(Guid.NewGuid()), Pdf("x"));
        await store.Documents.SaveDocumentAsync(d, Pdf("x"), 200);
        Assert.True(await store.Documents.MarkDocumentDisclosedAsync(d.Id, At.AddDays(1)));
        Assert.False(await store.Documents.MarkDocumentDisclosedAsync(d.Id, At.AddDays(2)));
        Assert.False(await store.Documents.MarkDocumentDisclosedAsync(new DocumentId(Guid.NewGuid()), At));
        Assert.Equal(At.AddDays(1), (await store.Documents.DocumentAsync(d.Id))!.DisclosedAt);
    }
}

public sealed class SqliteDocumentStoreContract : DocumentStoreContract
{
    private readonly string connectionString = TestStores.NewSqliteConnectionString();

    protected override string ConnectionString() => connectionString;
}

public sealed class PostgresDocumentStoreContract : DocumentStoreContract
{
    private readonly string connectionString = TestStores.NewPostgresConnectionString();

    protected override string ConnectionString() => connectionString;
}
