using System.Data.Common;
using System.Globalization;
using OpenCcer.Storage.Projections;

namespace OpenCcer.Storage;

/// <summary>
/// What every narrow store shares: the one database of a <see cref="LedgerStore"/>, its connections, and
/// the one way rows are read. Each narrow store (registry queries, people, workflow, documents, lifecycle,
/// exchange, compliance, reference data, backup) owns the queries of its concern; callers take the one
/// they need.
/// </summary>
public abstract class StoreAccess(LedgerStore db)
{
    protected const int PageSizeMax = LedgerStore.PageSizeMax;

    /// <summary>The store the queries run against.</summary>
    protected LedgerStore Db => db;

    /// <summary>"sqlite" or "postgresql".</summary>
    protected string Provider => db.Provider;

    protected ValueTask<DbConnection> OpenAsync(CancellationToken ct) => db.OpenAsync(ct);

    protected Task<List<T>> QueryAsync<T>(TableSpec<T> table, string? where, CancellationToken ct,
        params (string Name, object? Value)[] parameters) => db.QueryAsync(table, where, ct, parameters);

    protected Task<List<T>> ReadAsync<T>(string sql, Func<DbDataReader, T> read, CancellationToken ct,
        params (string Name, object? Value)[] parameters) => db.ReadAsync(sql, read, ct, parameters);

    /// <summary>Runs one statement with <paramref name="parameters"/>; the number of rows it changed.</summary>
    protected async Task<int> ExecuteAsync(string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) Add(command, name, value);
        return await command.ExecuteNonQueryAsync(ct);
    }

    protected static void Add(DbCommand command, string name, object? value) => LedgerStore.Add(command, name, value);

    protected static int Clamp(int limit) => LedgerStore.Clamp(limit);

    protected static string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    protected static int Int(DbDataReader r, int i) => Convert.ToInt32(r.GetValue(i), CultureInfo.InvariantCulture);

    protected static int? NullableInt(DbDataReader r, int i) => r.IsDBNull(i) ? null : Int(r, i);

    protected static long? NullableLong(DbDataReader r, int i) =>
        r.IsDBNull(i) ? null : Convert.ToInt64(r.GetValue(i), CultureInfo.InvariantCulture);
}
