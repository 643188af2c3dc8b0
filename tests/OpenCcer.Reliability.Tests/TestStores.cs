using Npgsql;

namespace OpenCcer.Reliability.Tests;

/// <summary>Fresh stores: a new SQLite file, or a new schema on the PostgreSQL server named by OPENCCER_TEST_POSTGRES.</summary>
public static class TestStores
{
    public static string New(string provider)
    {
        if (provider == "sqlite")
        {
            // A folder of our own: test runs of other checkouts on the same machine remove openccer-tests when they end.
            var folder = Path.Combine(Path.GetTempPath(), "openccer-reliability-tests");
            Directory.CreateDirectory(folder);
            return $"Data Source={Path.Combine(folder, $"reliability-{Guid.NewGuid():N}.db")}";
        }
        var baseString = Environment.GetEnvironmentVariable("OPENCCER_TEST_POSTGRES")
            ?? throw new InvalidOperationException("OPENCCER_TEST_POSTGRES is not set: run the README's test command, which starts PostgreSQL on 127.0.0.1.");
        var schema = $"t_{Guid.NewGuid():N}";
        using (var connection = new NpgsqlConnection(baseString))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE SCHEMA {schema}";
            command.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(baseString) { SearchPath = schema, MaxPoolSize = 20 }.ToString();
    }
}
