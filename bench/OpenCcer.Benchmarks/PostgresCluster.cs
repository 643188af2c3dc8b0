using Npgsql;

namespace OpenCcer.Benchmarks;

/// <summary>
/// The PostgreSQL server named by the maintenance connection string: creates and drops the
/// benchmark's own databases, reads settings, and counts commits.
/// </summary>
public sealed class PostgresCluster(string maintenanceConnectionString)
{
    public NpgsqlConnectionStringBuilder Maintenance { get; } = new(maintenanceConnectionString);

    public string ConnectionStringFor(string database, int poolSizeMax = 20) =>
        new NpgsqlConnectionStringBuilder(Maintenance.ConnectionString) { Database = database, MaxPoolSize = poolSizeMax }.ConnectionString;

    private async Task<T> ScalarAsync<T>(string sql, string? database = null)
    {
        await using var connection = new NpgsqlConnection(database is null ? Maintenance.ConnectionString : ConnectionStringFor(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Maintenance.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Drops <paramref name="database"/> if it exists and creates it empty.</summary>
    public async Task RecreateDatabaseAsync(string database)
    {
        await DropDatabaseAsync(database);
        await ExecuteAsync($"CREATE DATABASE \"{database}\"");
    }

    public async Task DropDatabaseAsync(string database)
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
    }

    public Task<string> SettingAsync(string name) => ScalarAsync<string>($"SELECT current_setting('{name}')");

    /// <summary>Writes all dirty buffers so that each measurement starts from the same point.</summary>
    public Task CheckpointAsync() => ExecuteAsync("CHECKPOINT");

    /// <summary>Transactions committed in <paramref name="database"/> so far (statistics are updated with a short delay).</summary>
    public async Task<long?> CommitsAsync(string database)
    {
        await using var connection = new NpgsqlConnection(Maintenance.ConnectionString);
        await connection.OpenAsync();
        await using (var flush = new NpgsqlCommand("SELECT pg_stat_clear_snapshot()", connection)) await flush.ExecuteNonQueryAsync();
        await using var command = new NpgsqlCommand("SELECT xact_commit FROM pg_stat_database WHERE datname = @d", connection);
        command.Parameters.AddWithValue("d", database);
        return await command.ExecuteScalarAsync() is long n ? n : null;
    }
}
