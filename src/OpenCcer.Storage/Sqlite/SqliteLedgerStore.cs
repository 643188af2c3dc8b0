using System.Data.Common;
using Microsoft.Data.Sqlite;
using OpenCcer.Storage.Journal;
using OpenCcer.Storage.Projections;

namespace OpenCcer.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode with full synchronous commits, so an acknowledged
/// batch survives a crash of the process or the machine.
/// </summary>
public sealed class SqliteLedgerStore : LedgerStore
{
    private readonly string connectionString;

    public SqliteLedgerStore(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = true, DefaultTimeout = 30 };
        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (builder.DataSource != ":memory:" && !string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        this.connectionString = builder.ToString();
        DataSource = builder.DataSource;
    }

    public override string Provider => "sqlite";

    /// <summary>The database file.</summary>
    public string DataSource { get; }

    public override async Task InitializeAsync(CancellationToken ct = default)
    {
        await using (var connection = await OpenAsync(ct))
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "PRAGMA journal_mode = WAL;";
            await command.ExecuteNonQueryAsync(ct);
        }
        await base.InitializeAsync(ct);
    }

    protected internal override async ValueTask<DbConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        // A 64 MiB page cache per connection keeps the journal's and projections' index pages in memory,
        // so appends do not read pages back from the file.
        command.CommandText = "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 30000; PRAGMA cache_size = -65536;";
        await command.ExecuteNonQueryAsync(ct);
        return connection;
    }

    protected override async Task WriteAsync(DbConnection connection, DbTransaction transaction,
        IReadOnlyList<JournalEntry> entries, ProjectionSet changes, CancellationToken ct)
    {
        await InsertAsync(connection, transaction, Tables.Journal, entries, upsert: false, ct);
        await InsertAsync(connection, transaction, Tables.Accounts, changes.Accounts, upsert: true, ct);
        await InsertAsync(connection, transaction, Tables.Issuances, changes.Issuances, upsert: true, ct);
        await DeleteAsync(connection, transaction, "DELETE FROM blocks WHERE id = @k0", changes.DeletedBlocks.Select(id => new object[] { id }), ct);
        await InsertAsync(connection, transaction, Tables.Blocks, changes.Blocks, upsert: true, ct);
        await DeleteAsync(connection, transaction, "DELETE FROM holdings WHERE account_id = @k0 AND project_code = @k1 AND vintage = @k2",
            changes.DeletedHoldings.Select(h => new object[] { h.AccountId, h.ProjectCode, h.Vintage }), ct);
        await InsertAsync(connection, transaction, Tables.Holdings, changes.Holdings, upsert: true, ct);
        await InsertAsync(connection, transaction, Tables.Reservations, changes.Reservations, upsert: true, ct);
        await InsertAsync(connection, transaction, Tables.Freezes, changes.Freezes, upsert: true, ct);
        await InsertAsync(connection, transaction, Tables.Cancellations, changes.Cancellations, upsert: true, ct);
    }

    private static async Task InsertAsync<T>(DbConnection connection, DbTransaction transaction, TableSpec<T> table,
        IReadOnlyList<T> rows, bool upsert, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var names = table.Columns.Select((_, i) => $"@p{i}").ToArray();
        command.CommandText = $"INSERT INTO {table.Name} ({table.ColumnList}) VALUES ({string.Join(", ", names)})"
            + (upsert ? " " + table.OnConflict : "");
        foreach (var name in names) Add(command, name, null);
        await command.PrepareAsync(ct);
        foreach (var row in rows)
        {
            var values = table.Values(row);
            for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static async Task DeleteAsync(DbConnection connection, DbTransaction transaction, string sql,
        IEnumerable<object[]> keys, CancellationToken ct)
    {
        DbCommand? command = null;
        try
        {
            foreach (var key in keys)
            {
                if (command is null)
                {
                    command = connection.CreateCommand();
                    command.Transaction = transaction;
                    command.CommandText = sql;
                    for (var i = 0; i < key.Length; i++) Add(command, $"@k{i}", null);
                }
                for (var i = 0; i < key.Length; i++) command.Parameters[i].Value = key[i];
                await command.ExecuteNonQueryAsync(ct);
            }
        }
        finally
        {
            if (command is not null) await command.DisposeAsync();
        }
    }

    /// <summary>Writes a consistent copy of the database to <paramref name="path"/> (SQLite online backup).</summary>
    public async Task BackupToAsync(string path, CancellationToken ct = default)
    {
        await using var source = (SqliteConnection)await OpenAsync(ct);
        await using var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await target.OpenAsync(ct);
        source.BackupDatabase(target);
    }

    /// <summary>Replaces this database's content with the SQLite image at <paramref name="path"/> (online backup API).</summary>
    public async Task RestoreImageAsync(string path, CancellationToken ct = default)
    {
        await using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await source.OpenAsync(ct);
        await using var target = (SqliteConnection)await OpenAsync(ct);
        source.BackupDatabase(target);
    }
}
