using System.Data.Common;

namespace OpenCcer.Storage.Backup;

/// <summary>
/// What tables a store holds, read from its own catalog, so a backup covers every table (including ones
/// added later, such as the exchange's) without a list to keep up to date.
/// </summary>
internal static class StoreCatalog
{
    /// <summary>The store's tables, each after the tables its foreign keys reference, then by name.</summary>
    public static async Task<List<string>> TablesParentsFirstAsync(DbConnection connection, DbTransaction? transaction,
        string provider, CancellationToken ct)
    {
        var tables = await ReadAsync(connection, transaction, provider == "postgresql"
            ? "SELECT table_name, '' FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
            : "SELECT name, '' FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'", ct);
        var references = await ReadAsync(connection, transaction, provider == "postgresql"
            ? """
              SELECT c.relname, p.relname FROM pg_constraint k
              JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
              WHERE k.contype = 'f' AND k.connamespace = current_schema()::regnamespace
              """
            : "SELECT m.name, f.\"table\" FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f WHERE m.type = 'table'", ct);
        var names = tables.Select(t => t.Item1).Order(StringComparer.Ordinal).ToList();
        var parents = names.ToDictionary(n => n, n => references.Where(r => r.Item1 == n && r.Item2 != n).Select(r => r.Item2).ToHashSet());
        var ordered = new List<string>();
        var done = new HashSet<string>();
        while (ordered.Count < names.Count)
        {
            var next = names.FirstOrDefault(n => !done.Contains(n) && parents[n].All(p => done.Contains(p) || !parents.ContainsKey(p)))
                ?? throw new InvalidOperationException("The tables' foreign keys form a cycle; a backup cannot order them.");
            ordered.Add(next);
            done.Add(next);
        }
        return ordered;
    }

    public static async Task<bool> IsEmptyAsync(DbConnection connection, DbTransaction? transaction, string table, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT 1 FROM {table} LIMIT 1";
        return await command.ExecuteScalarAsync(ct) is null;
    }

    /// <summary>The CLR type of each column of <paramref name="table"/>, by column name.</summary>
    public static async Task<Dictionary<string, Type>> ColumnTypesAsync(DbConnection connection, DbTransaction? transaction,
        string table, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT * FROM {table} WHERE 1 = 0";
        await using var reader = await command.ExecuteReaderAsync(ct);
        var types = new Dictionary<string, Type>(StringComparer.Ordinal);
        for (var i = 0; i < reader.FieldCount; i++) types[reader.GetName(i)] = reader.GetFieldType(i);
        return types;
    }

    private static async Task<List<(string, string)>> ReadAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<(string, string)>();
        while (await reader.ReadAsync(ct)) rows.Add((reader.GetString(0), reader.GetString(1)));
        return rows;
    }
}
