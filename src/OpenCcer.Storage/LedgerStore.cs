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

    /// <summary>"sqlite" or "postgresql".</summary>
    public abstract string Provider { get; }

    protected abstract ValueTask<DbConnection> OpenAsync(CancellationToken ct);

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
        await People.PeopleSchema.ApplyAsync(connection, ct);
        await Documents.DocumentSchema.ApplyAsync(connection, ct);
    }

    /// <summary>Appends <paramref name="entries"/> and applies <paramref name="changes"/> atomically.</summary>
    public async Task AppendAsync(IReadOnlyList<JournalEntry> entries, ProjectionSet changes, CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await WriteAsync(connection, transaction, entries, changes, ct);
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

    public async Task<AccountRow?> AccountAsync(long id, CancellationToken ct = default) =>
        (await QueryAsync(Tables.Accounts, "id = @id", ct, ("@id", id))).SingleOrDefault();

    public Task<List<AccountRow>> AccountsAsync(int limit, int offset, CancellationToken ct = default) =>
        QueryAsync(Tables.Accounts, "1 = 1 ORDER BY id LIMIT @limit OFFSET @offset", ct, ("@limit", Clamp(limit)), ("@offset", Math.Max(0, offset)));

    public Task<List<AccountRow>> AccountsOfSubjectAsync(string subjectId, CancellationToken ct = default) =>
        QueryAsync(Tables.Accounts, "subject_id = @subject ORDER BY id", ct, ("@subject", subjectId));

    public Task<List<HoldingRow>> HoldingsAsync(long accountId, CancellationToken ct = default) =>
        QueryAsync(Tables.Holdings, "account_id = @id ORDER BY project_code, vintage", ct, ("@id", accountId));

    public Task<List<BlockRow>> BlocksAsync(long accountId, CancellationToken ct = default) =>
        QueryAsync(Tables.Blocks, "account_id = @id ORDER BY project_code, vintage, first_serial", ct, ("@id", accountId));

    public Task<List<IssuanceRow>> IssuancesAsync(string? projectCode, int limit, int offset, CancellationToken ct = default) =>
        projectCode is null
            ? QueryAsync(Tables.Issuances, "1 = 1 ORDER BY id LIMIT @limit OFFSET @offset", ct, ("@limit", Clamp(limit)), ("@offset", Math.Max(0, offset)))
            : QueryAsync(Tables.Issuances, "project_code = @code ORDER BY id LIMIT @limit OFFSET @offset", ct,
                ("@code", projectCode), ("@limit", Clamp(limit)), ("@offset", Math.Max(0, offset)));

    public Task<List<CancellationRow>> CancellationsAsync(int limit, int offset, CancellationToken ct = default) =>
        QueryAsync(Tables.Cancellations, "1 = 1 ORDER BY id LIMIT @limit OFFSET @offset", ct, ("@limit", Clamp(limit)), ("@offset", Math.Max(0, offset)));

    /// <summary>The newest <paramref name="limit"/> cancellations of units from one account, newest first.</summary>
    public Task<List<CancellationRow>> CancellationsOfAccountAsync(long accountId, int limit, CancellationToken ct = default) =>
        QueryAsync(Tables.Cancellations, "account_id = @a ORDER BY id DESC LIMIT @limit", ct, ("@a", accountId), ("@limit", Clamp(limit)));

    public async Task<CancellationRow?> CancellationAsync(string certificateNumber, CancellationToken ct = default) =>
        (await QueryAsync(Tables.Cancellations, "certificate_number = @n", ct, ("@n", certificateNumber))).SingleOrDefault();

    public async Task<ReservationRow?> ReservationAsync(long id, CancellationToken ct = default) =>
        (await QueryAsync(Tables.Reservations, "id = @id", ct, ("@id", id))).SingleOrDefault();

    public async Task<FreezeRow?> FreezeAsync(long id, CancellationToken ct = default) =>
        (await QueryAsync(Tables.Freezes, "id = @id", ct, ("@id", id))).SingleOrDefault();

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

    /// <summary>Registry-wide totals of CCERs in tonnes (ETS allowances excluded), for the public explorer.</summary>
    public async Task<RegistryTotals> TotalsAsync(CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT
              (SELECT COALESCE(SUM(last_serial - first_serial + 1), 0) FROM issuances WHERE project_code <> 'CEA'),
              (SELECT COUNT(*) FROM issuances WHERE project_code <> 'CEA'),
              (SELECT COALESCE(SUM(h.available), 0) FROM holdings h JOIN accounts a ON a.id = h.account_id WHERE a.kind = 1 AND h.project_code <> 'CEA'),
              (SELECT COALESCE(SUM(h.available), 0) FROM holdings h JOIN accounts a ON a.id = h.account_id WHERE a.kind = 2 AND h.project_code <> 'CEA'),
              (SELECT COALESCE(SUM(reserved), 0) FROM holdings WHERE project_code <> 'CEA'),
              (SELECT COALESCE(SUM(frozen), 0) FROM holdings WHERE project_code <> 'CEA'),
              (SELECT COALESCE(SUM(cancelled), 0) FROM holdings WHERE project_code <> 'CEA'),
              (SELECT COUNT(*) FROM accounts WHERE kind = 1),
              (SELECT COUNT(DISTINCT project_code) FROM issuances WHERE project_code <> 'CEA')
            """;
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new RegistryTotals(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3),
            reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7), reader.GetInt64(8));
    }

    public async Task SaveApiKeyAsync(string keyHash, string role, string? subjectId, string label, CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO api_keys (key_hash, role, subject_id, label) VALUES (@h, @r, @s, @l)
            ON CONFLICT (key_hash) DO UPDATE SET role = excluded.role, subject_id = excluded.subject_id, label = excluded.label
            """;
        Add(command, "@h", keyHash);
        Add(command, "@r", role);
        Add(command, "@s", subjectId);
        Add(command, "@l", label);
        await command.ExecuteNonQueryAsync(ct);
    }

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

    /// <summary>Records a grid-factor year; false when that grid and year are already recorded.</summary>
    public async Task<bool> AddGridFactorAsync(GridFactorRecord r, CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO grid_factors (grid, year, grid_zh, om_tco2_per_mwh, bm_tco2_per_mwh, status, source, added_at, added_by)
            VALUES (@g, @y, @gz, @om, @bm, @s, @src, @at, @by) ON CONFLICT (grid, year) DO NOTHING
            """;
        Add(command, "@g", r.Grid);
        Add(command, "@y", r.Year);
        Add(command, "@gz", r.GridZh);
        Add(command, "@om", r.OmTco2PerMwh);
        Add(command, "@bm", r.BmTco2PerMwh);
        Add(command, "@s", r.Status);
        Add(command, "@src", r.Source);
        Add(command, "@at", r.AddedAt);
        Add(command, "@by", r.AddedBy);
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    public async Task<List<GridFactorRecord>> GridFactorsAsync(CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT grid, grid_zh, year, om_tco2_per_mwh, bm_tco2_per_mwh, status, source, added_at, added_by
            FROM grid_factors ORDER BY added_at, grid, year
            """;
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<GridFactorRecord>();
        while (await reader.ReadAsync(ct))
            rows.Add(new GridFactorRecord(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3),
                reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetString(7), reader.GetString(8)));
        return rows;
    }

    /// <summary>Runs raw SQL; for tests that tamper with rows and for maintenance commands.</summary>
    public async Task<int> ExecuteAsync(string sql, CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync(ct);
    }

    protected Task<List<T>> QueryAsync<T>(TableSpec<T> table, string? where, CancellationToken ct,
        params (string Name, object? Value)[] parameters) =>
        ReadAsync(where is null ? table.SelectAll : $"SELECT {table.ColumnList} FROM {table.Name} WHERE {where}", table.Read, ct, parameters);

    /// <summary>Runs a query and maps each row; the one way every read of the store goes.</summary>
    protected async Task<List<T>> ReadAsync<T>(string sql, Func<DbDataReader, T> read, CancellationToken ct, params (string Name, object? Value)[] parameters)
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

    protected static void Add(DbCommand command, string name, object? value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        command.Parameters.Add(p);
    }

    private static int Clamp(int limit) => Math.Clamp(limit, 1, PageSizeMax);

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
