using System.Data;
using System.Data.Common;
using OpenCcer.Storage.Backup;
using OpenCcer.Storage.Sqlite;

namespace OpenCcer.Storage;

public sealed partial class BackupStore(LedgerStore db) : StoreAccess(db)
{
    /// <summary>Rows per INSERT statement when restoring is bounded by this many parameters.</summary>
    private const int RestoreParametersPerStatementMax = 2000;

    /// <summary>
    /// Writes a consistent backup of the whole store to <paramref name="path"/> while the store stays
    /// online: a SQLite image (SQLite's online backup API) for a SQLite store unless
    /// <paramref name="logical"/>, otherwise a logical dump read in one snapshot transaction. The file is
    /// written beside the target and renamed into place only when complete.
    /// </summary>
    public async Task<BackupFormat> BackupAsync(string path, bool logical, CancellationToken ct = default)
    {
        var partial = path + ".partial";
        File.Delete(partial);
        BackupFormat format;
        if (Db is SqliteLedgerStore sqlite && !logical)
        {
            await sqlite.BackupToAsync(partial, ct);
            format = BackupFormat.SqliteImage;
        }
        else
        {
            await using var connection = await OpenAsync(ct);
            // PostgreSQL: one repeatable-read snapshot; SQLite (WAL): a read transaction sees one snapshot too.
            await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
            await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write))
            {
                await LogicalDump.WriteAsync(connection, transaction, Provider, file, ct);
                file.Flush(flushToDisk: true);
            }
            await transaction.CommitAsync(ct);
            format = BackupFormat.Logical;
        }
        File.Move(partial, path, overwrite: true);
        return format;
    }

    /// <summary>
    /// Restores a backup written by <see cref="BackupAsync"/> into this store, which must be empty (every
    /// table without rows). A logical dump goes in one database transaction, so a failed restore leaves
    /// the store empty; a SQLite image is copied page by page into a SQLite store, or read as a store and
    /// copied logically into a PostgreSQL one. Returns the number of rows restored (-1 for an image copy).
    /// </summary>
    public async Task<long> RestoreAsync(string path, CancellationToken ct = default)
    {
        await Db.InitializeAsync(ct);
        if (BackupFile.Detect(path) == BackupFormat.SqliteImage)
        {
            // Work on a copy, so opening the image never touches the backup file itself.
            var copy = Path.Combine(Path.GetTempPath(), $"openccer-restore-{Guid.NewGuid():N}.db");
            var dump = copy + ".dump";
            try
            {
                File.Copy(path, copy);
                if (Db is SqliteLedgerStore sqlite)
                {
                    await EnsureEmptyAsync(ct);
                    await sqlite.RestoreImageAsync(copy, ct);
                    await Db.InitializeAsync(ct);
                    return -1;
                }
                await using (var image = new SqliteLedgerStore($"Data Source={copy};Pooling=false"))
                    await image.Backup.BackupAsync(dump, logical: true, ct);
                return await RestoreLogicalAsync(dump, ct);
            }
            finally
            {
                foreach (var f in new[] { copy, copy + "-wal", copy + "-shm", dump }) File.Delete(f);
            }
        }
        return await RestoreLogicalAsync(path, ct);
    }

    private async Task EnsureEmptyAsync(CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        foreach (var table in await StoreCatalog.TablesParentsFirstAsync(connection, null, Provider, ct))
            if (!await StoreCatalog.IsEmptyAsync(connection, null, table, ct))
                throw new InvalidOperationException($"The target store is not empty (table {table} has rows); restore only into an empty database.");
    }

    private async Task<long> RestoreLogicalAsync(string path, CancellationToken ct)
    {
        await using var file = File.OpenRead(path);
        await using var connection = await OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var tables = await StoreCatalog.TablesParentsFirstAsync(connection, transaction, Provider, ct);
        foreach (var name in tables)
            if (!await StoreCatalog.IsEmptyAsync(connection, transaction, name, ct))
                throw new InvalidOperationException($"The target store is not empty (table {name} has rows); restore only into an empty database.");
        var known = tables.ToHashSet(StringComparer.Ordinal);
        var pending = new List<object?[]>();
        string? table = null;
        IReadOnlyList<string> columns = [];
        Type?[] types = [];
        long restored = 0;
        await foreach (var line in LogicalDump.ReadAsync(file, ct))
        {
            if (line.Row is null)
            {
                await InsertRowsAsync(connection, transaction, table, columns, pending, ct);
                // Names come from the file: accept only tables and columns this store has, so they are safe in SQL.
                if (!known.Contains(line.Table)) throw new InvalidDataException($"The backup holds table {line.Table}, which this store does not have.");
                var targetTypes = await StoreCatalog.ColumnTypesAsync(connection, transaction, line.Table, ct);
                var unknown = line.Columns.FirstOrDefault(c => !targetTypes.ContainsKey(c));
                if (unknown is not null) throw new InvalidDataException($"The backup holds column {line.Table}.{unknown}, which this store does not have.");
                (table, columns) = (line.Table, line.Columns);
                types = Provider == "postgresql" ? columns.Select(c => (Type?)targetTypes[c]).ToArray() : new Type?[columns.Count];
                continue;
            }
            var row = line.Row;
            for (var i = 0; i < row.Length; i++) row[i] = ConvertForColumn(row[i], types[i]);
            pending.Add(row);
            restored++;
            if (pending.Count * columns.Count >= RestoreParametersPerStatementMax)
                await InsertRowsAsync(connection, transaction, table, columns, pending, ct);
        }
        await InsertRowsAsync(connection, transaction, table, columns, pending, ct);
        await transaction.CommitAsync(ct);
        return restored;
    }

    private static object? ConvertForColumn(object? value, Type? target) => (value, target) switch
    {
        (null, _) => null,
        (long l, Type t) when t == typeof(int) => checked((int)l),
        (long l, Type t) when t == typeof(short) => checked((short)l),
        (long l, Type t) when t == typeof(bool) => l != 0,
        (long l, Type t) when t == typeof(decimal) => (decimal)l,
        (decimal m, Type t) when t == typeof(double) => (double)m,
        _ => value,
    };

    private static async Task InsertRowsAsync(DbConnection connection, DbTransaction transaction, string? table,
        IReadOnlyList<string> columns, List<object?[]> rows, CancellationToken ct)
    {
        if (table is null || rows.Count == 0) return;
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var values = new List<string>(rows.Count);
        for (var r = 0; r < rows.Count; r++)
        {
            var names = new string[columns.Count];
            for (var c = 0; c < columns.Count; c++)
            {
                names[c] = $"@p{r}_{c}";
                Add(command, names[c], rows[r][c]);
            }
            values.Add($"({string.Join(", ", names)})");
        }
        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES {string.Join(", ", values)}";
        await command.ExecuteNonQueryAsync(ct);
        rows.Clear();
    }
}
