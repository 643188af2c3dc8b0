using Npgsql;
using OpenCcer.Storage;

namespace OpenCcer.Storage.Tests;

/// <summary>
/// Fresh, isolated stores for tests: a new SQLite file, or a new schema in the PostgreSQL server named by
/// OPENCCER_TEST_POSTGRES (the test command starts a throwaway server on 127.0.0.1 and sets it).
/// </summary>
public static class TestStores
{
    public const string PostgresVariable = "OPENCCER_TEST_POSTGRES";

    public static string NewSqliteConnectionString()
    {
        var directory = Path.Combine(Path.GetTempPath(), "openccer-tests");
        Directory.CreateDirectory(directory);
        return $"Data Source={Path.Combine(directory, $"{Guid.NewGuid():N}.db")}";
    }

    public static string NewPostgresConnectionString()
    {
        var baseString = Environment.GetEnvironmentVariable(PostgresVariable)
            ?? throw new InvalidOperationException(
                $"{PostgresVariable} is not set: run the README's test command, which starts PostgreSQL on 127.0.0.1.");
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

    public static LedgerStore New(string provider) => LedgerStore.Open(
        provider == "postgresql" ? NewPostgresConnectionString() : NewSqliteConnectionString());
}
