using System.IO.Compression;
using System.Security.Cryptography;
using Npgsql;
using OpenCcer.Cli;
using OpenCcer.Core.Lifecycle;
using OpenCcer.Storage;
using OpenCcer.Storage.Documents;
using OpenCcer.Storage.Lifecycle;
using OpenCcer.Storage.People;

namespace OpenCcer.Cli.Tests;

/// <summary>
/// <c>ccer backup</c> then <c>ccer restore</c> into an empty database, on SQLite and PostgreSQL: the
/// restored store verifies with the source's head and state hashes and holds the same rows.
/// </summary>
public sealed class BackupCommandTests
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "openccer-tests");

    private static string NewSqlite() => $"Data Source={Path.Combine(Folder, $"backup-{Guid.NewGuid():N}.db")}";

    private static string NewPostgres()
    {
        var baseString = Environment.GetEnvironmentVariable("OPENCCER_TEST_POSTGRES")
            ?? throw new InvalidOperationException("OPENCCER_TEST_POSTGRES is not set: run the README's test command.");
        var schema = $"t_{Guid.NewGuid():N}";
        using (var connection = new NpgsqlConnection(baseString))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE SCHEMA {schema}";
            command.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(baseString) { SearchPath = schema }.ToString();
    }

    private static string New(string provider) => provider == "postgresql" ? NewPostgres() : NewSqlite();

    private static string NewFile() => Path.Combine(Folder, $"backup-{Guid.NewGuid():N}.bak");

    private static async Task<(int Exit, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CcerCommand.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>Registry and lifecycle demo data, an organisation and a document with every byte value.</summary>
    private static async Task Fill(string connectionString)
    {
        await using var store = LedgerStore.Open(connectionString);
        await using (var engine = await RegistryEngine.StartAsync(store, TimeProvider.System))
        {
            await DemoSeed.RunAsync(engine);
            await DemoLifecycleSeed.RunAsync(store, engine);
        }
        await store.People.AddOrganisationAsync(new OrganisationRecord("org-1", "91110000MA00000001", "Backup Test Co. 备份", "project-owner", "2026-01-05T02:00:00Z"));
        var content = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        var document = new DocumentRecord(new DocumentId(Guid.CreateVersion7()), new ProjectId(Guid.NewGuid()), null, DocumentKind.DesignDocument,
            "设计文件.pdf", "application/pdf", content.Length, Convert.ToHexStringLower(SHA256.HashData(content)), "91110000MA00000001",
            "project-owner", new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero), null);
        Assert.Equal(DocumentSaveOutcome.Saved, await store.Documents.SaveDocumentAsync(document, content, 200));
    }

    private static async Task<VerificationReport> Verify(string connectionString)
    {
        await using var store = LedgerStore.Open(connectionString);
        return await JournalVerifier.VerifyAsync(store);
    }

    private static async Task<object?> Scalar(string connectionString, string sql)
    {
        await using System.Data.Common.DbConnection connection = connectionString.Contains("Host=", StringComparison.Ordinal)
            ? new NpgsqlConnection(connectionString)
            : new Microsoft.Data.Sqlite.SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    private static async Task<Dictionary<string, long>> RowCounts(string connectionString)
    {
        await using (var store = LedgerStore.Open(connectionString)) await store.InitializeAsync();
        var counts = new Dictionary<string, long>();
        foreach (var table in new[] { "journal", "blocks", "holdings", "projects", "lifecycle_events", "api_keys", "organisations", "documents", "document_contents" })
            counts[table] = Convert.ToInt64(await Scalar(connectionString, $"SELECT COUNT(*) FROM {table}"), System.Globalization.CultureInfo.InvariantCulture);
        return counts;
    }

    [Theory]
    [InlineData("sqlite", "sqlite", false)]
    [InlineData("sqlite", "sqlite", true)]
    [InlineData("postgresql", "postgresql", false)]
    [InlineData("sqlite", "postgresql", false)]
    [InlineData("postgresql", "sqlite", false)]
    public async Task a_restored_backup_verifies_with_the_same_hashes_and_rows(string from, string to, bool logical)
    {
        var source = New(from);
        await Fill(source);
        var file = NewFile();
        var backup = logical ? await Run("backup", file, "--store", source, "--logical") : await Run("backup", file, "--store", source);
        Assert.True(backup.Exit == 0, backup.Error);

        var target = New(to);
        var restored = await Run("restore", file, "--store", target);
        Assert.True(restored.Exit == 0, restored.Output + restored.Error);
        Assert.Contains("OK:", restored.Output);

        var before = await Verify(source);
        var after = await Verify(target);
        Assert.True(before.IsSound && after.IsSound);
        Assert.True(before.JournalRows > 30, "the demo seed wrote too few journal rows to test anything");
        Assert.Equal(before.JournalRows, after.JournalRows);
        Assert.Equal(before.HeadHash, after.HeadHash);
        Assert.Equal(before.StateHash, after.StateHash);
        Assert.Contains(after.StateHash, restored.Output);
        Assert.Equal(await RowCounts(source), await RowCounts(target));

        await using var restoredStore = LedgerStore.Open(target);
        var project = new ProjectId(Guid.Parse((string)(await Scalar(source, "SELECT project_id FROM documents"))!));
        var documents = await restoredStore.Documents.DocumentsOfProjectAsync(project);
        var content = await restoredStore.Documents.DocumentContentAsync(Assert.Single(documents).Sha256);
        Assert.Equal(Enumerable.Range(0, 256).Select(i => (byte)i), content!);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgresql")]
    public async Task restore_refuses_a_store_that_is_not_empty(string provider)
    {
        var source = New(provider);
        await Fill(source);
        var file = NewFile();
        Assert.Equal(0, (await Run("backup", file, "--store", source)).Exit);
        var refused = await Run("restore", file, "--store", source);
        Assert.Equal(1, refused.Exit);
        Assert.Contains("not empty", refused.Error);
        Assert.True((await Verify(source)).IsSound);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgresql")]
    public async Task a_truncated_logical_backup_is_refused_and_leaves_the_target_empty(string provider)
    {
        var source = NewSqlite();
        await Fill(source);
        var file = NewFile();
        Assert.Equal(0, (await Run("backup", file, "--store", source, "--logical")).Exit);
        // Cut the decompressed dump in the middle and compress it again.
        string text;
        await using (var read = new GZipStream(File.OpenRead(file), CompressionMode.Decompress)) text = await new StreamReader(read).ReadToEndAsync();
        var lines = text.Split('\n');
        await using (var write = new GZipStream(File.Create(file), CompressionLevel.Fastest))
        await using (var writer = new StreamWriter(write))
            await writer.WriteAsync(string.Join('\n', lines.Take(lines.Length / 2)) + "\n");

        var target = New(provider);
        var refused = await Run("restore", file, "--store", target);
        Assert.Equal(1, refused.Exit);
        Assert.Contains("truncated", refused.Error);
        Assert.Equal(0, (await RowCounts(target)).Values.Sum());
    }
}
