using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using OpenCcer.Storage.Journal;
using OpenCcer.Storage.Projections;

namespace OpenCcer.Storage;

/// <summary>
/// The registry's durable store: the hash-chained journal, the projections derived from it, and API
/// keys. Writes come from one writer (<see cref="RegistryEngine"/>), one database transaction per batch;
/// reads are plain queries and may run concurrently. SQLite and PostgreSQL differ only in connections
/// and bulk writes; both pass the same contract tests.
/// </summary>
public abstract partial class LedgerStore : IAsyncDisposable
{
    public const int PageSizeMax = 500;

    protected LedgerStore()
    {
        Registry = new RegistryQueries(this);
        People = new PeopleStore(this);
        Workflow = new WorkflowStore(this);
        Documents = new DocumentStore(this);
        Lifecycle = new LifecycleStore(this);
        Exchange = new ExchangeStore(this);
        Compliance = new ComplianceStore(this);
        Reference = new ReferenceStore(this);
        Backup = new BackupStore(this);
    }

    /// <summary>Reads of accounts, holdings, blocks, issuances, reservations, freezes and cancellations.</summary>
    public RegistryQueries Registry { get; }

    /// <summary>Organisations, users and API keys.</summary>
    public PeopleStore People { get; }

    /// <summary>Account applications and maker-checker change requests, with their history.</summary>
    public WorkflowStore Workflow { get; }

    /// <summary>Uploaded documents and their contents.</summary>
    public DocumentStore Documents { get; }

    /// <summary>Projects and reductions, their versions and their timelines.</summary>
    public LifecycleStore Lifecycle { get; }

    /// <summary>The exchange's journal, cash, trades and settings.</summary>
    public ExchangeStore Exchange { get; }

    /// <summary>ETS compliance and Article 6 records.</summary>
    public ComplianceStore Compliance { get; }

    /// <summary>Grid emission factors and the working-day calendar.</summary>
    public ReferenceStore Reference { get; }

    /// <summary>Backup to a file and restore into an empty store.</summary>
    public BackupStore Backup { get; }

    /// <summary>"sqlite" or "postgresql".</summary>
    public abstract string Provider { get; }

    protected internal abstract ValueTask<DbConnection> OpenAsync(CancellationToken ct);

    /// <summary>Writes journal rows and projection changes in the open transaction.</summary>
    protected abstract Task WriteAsync(DbConnection connection, DbTransaction transaction,
        IReadOnlyList<JournalEntry> entries, ProjectionSet changes, CancellationToken ct);

    /// <summary>Opens the store given a connection string: PostgreSQL when it names a Host, else a SQLite file.</summary>
    public static LedgerStore Open(string connectionString) =>
        connectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase)
            ? new Postgres.PostgresLedgerStore(connectionString)
            : new Sqlite.SqliteLedgerStore(connectionString);

    public virtual async Task InitializeAsync(CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = Tables.Schema;
        await command.ExecuteNonQueryAsync(ct);
        await OpenCcer.Storage.People.PeopleSchema.ApplyAsync(connection, ct);
        await OpenCcer.Storage.Documents.DocumentSchema.ApplyAsync(connection, ct);
    }

    /// <summary>Appends <paramref name="entries"/> and applies <paramref name="changes"/> atomically.</summary>
    public Task AppendAsync(IReadOnlyList<JournalEntry> entries, ProjectionSet changes, CancellationToken ct = default) =>
        AppendAsync(entries, changes, static (_, _, _) => Task.CompletedTask, ct);

    /// <summary>
    /// Appends <paramref name="entries"/>, applies <paramref name="changes"/> and runs <paramref name="alsoWrite"/>
    /// in one database transaction: all of it lands or none of it. The exchange uses it to commit registry
    /// rows together with its own rows.
    /// </summary>
    public async Task AppendAsync(IReadOnlyList<JournalEntry> entries, ProjectionSet changes,
        Func<DbConnection, DbTransaction, CancellationToken, Task> alsoWrite, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(alsoWrite);
        await using var connection = await OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await WriteAsync(connection, transaction, entries, changes, ct);
        await alsoWrite(connection, transaction, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>The journal in sequence order, read in pages so a long journal never sits in memory twice.</summary>
    public async IAsyncEnumerable<JournalEntry> ReadJournalAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        long after = 0;
        while (true)
        {
            var page = await QueryAsync(Tables.Journal, "seq > @after ORDER BY seq LIMIT 5000", ct, ("@after", after));
            foreach (var entry in page) yield return entry;
            if (page.Count < 5000) yield break;
            after = page[^1].Sequence;
        }
    }

    /// <summary>Every projection row, in key order, for verification and backups.</summary>
    public async Task<ProjectionSet> ReadProjectionsAsync(CancellationToken ct = default)
    {
        var set = new ProjectionSet();
        set.Accounts.AddRange(await QueryAsync(Tables.Accounts, null, ct));
        set.Issuances.AddRange(await QueryAsync(Tables.Issuances, null, ct));
        set.Blocks.AddRange(await QueryAsync(Tables.Blocks, null, ct));
        set.Holdings.AddRange(await QueryAsync(Tables.Holdings, null, ct));
        set.Reservations.AddRange(await QueryAsync(Tables.Reservations, null, ct));
        set.Freezes.AddRange(await QueryAsync(Tables.Freezes, null, ct));
        set.Cancellations.AddRange(await QueryAsync(Tables.Cancellations, null, ct));
        set.Sort();
        return set;
    }

    /// <summary>
    /// The latest instant either journal recorded (the registry's or the exchange's), or null for a store
    /// that has recorded nothing: a writer's clock must not start earlier than it.
    /// </summary>
    public async Task<DateTimeOffset?> LastRecordedInstantAsync(CancellationToken ct = default)
    {
        var stamps = await ReadAsync("SELECT recorded_at FROM journal WHERE seq = (SELECT MAX(seq) FROM journal)", r => r.GetString(0), ct);
        stamps.AddRange(await ReadAsync("SELECT at FROM exchange_journal WHERE seq = (SELECT MAX(seq) FROM exchange_journal)", r => r.GetString(0), ct));
        DateTimeOffset? last = null;
        foreach (var stamp in stamps)
        {
            var at = DateTimeOffset.Parse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
            if (last is null || at > last) last = at;
        }
        return last;
    }

    public Task<List<JournalEntry>> JournalPageAsync(long afterSequence, int limit, CancellationToken ct = default) =>
        QueryAsync(Tables.Journal, "seq > @after ORDER BY seq LIMIT @limit", ct, ("@after", afterSequence), ("@limit", Clamp(limit)));

    /// <summary>Runs raw SQL; for tests that tamper with rows and for maintenance commands.</summary>
    public async Task<int> ExecuteAsync(string sql, CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync(ct);
    }

    protected internal Task<List<T>> QueryAsync<T>(TableSpec<T> table, string? where, CancellationToken ct,
        params (string Name, object? Value)[] parameters) =>
        ReadAsync(where is null ? table.SelectAll : $"SELECT {table.ColumnList} FROM {table.Name} WHERE {where}", table.Read, ct, parameters);

    /// <summary>Runs a query and maps each row; the one way every read of the store goes.</summary>
    protected internal async Task<List<T>> ReadAsync<T>(string sql, Func<DbDataReader, T> read, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) Add(command, name, value);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct)) rows.Add(read(reader));
        return rows;
    }

    protected internal static void Add(DbCommand command, string name, object? value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        command.Parameters.Add(p);
    }

    /// <summary>A page size within 1..<see cref="PageSizeMax"/>.</summary>
    internal static int Clamp(int limit) => Math.Clamp(limit, 1, PageSizeMax);

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
