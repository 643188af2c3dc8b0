using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace OpenCcer.Reliability.Tests;

/// <summary>
/// A cheap summary of everything a request could change: the journal's and the lifecycle journal's
/// heads, the row count of every table (of the exchange journal, the rows that changed something) and the version or status sums of the workflow tables. Two equal
/// fingerprints mean no row was added or removed and no journal, lifecycle stream or workflow advanced.
/// </summary>
public sealed class StoreFingerprint
{
    private readonly string connectionString;
    private readonly bool postgres;
    private string? sql;

    public StoreFingerprint(string connectionString)
    {
        this.connectionString = connectionString;
        postgres = connectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase);
    }

    private DbConnection Connection() => postgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);

    public async Task<string> TakeAsync()
    {
        await using var connection = Connection();
        await connection.OpenAsync();
        sql ??= await BuildAsync(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var sb = new StringBuilder();
        for (var i = 0; i < reader.FieldCount; i++) sb.Append(reader.GetName(i)).Append('=').Append(reader.GetValue(i)).Append(' ');
        return sb.ToString();
    }

    private async Task<string> BuildAsync(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = postgres
            ? "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1"
            : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY 1";
        var tables = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        // The exchange journals refused commands too, as an audit row with the refusal and no events (a
        // refusal that rolled the trading day carries its events and counts as a change): those rows
        // record the request, they change no book, cash or unit, so they are left out of the fingerprint.
        var parts = tables.Where(t => t != "exchange_journal").Select(t => $"(SELECT COUNT(*) FROM {t}) AS {t}").ToList();
        if (tables.Contains("exchange_journal"))
            parts.Add("""(SELECT COUNT(*) FROM exchange_journal WHERE result LIKE '{"status":"ok"%' OR result NOT LIKE '%"events":[]}') AS exchange_changes""");
        parts.Add("(SELECT hash FROM journal ORDER BY seq DESC LIMIT 1) AS journal_head");
        parts.Add("(SELECT hash FROM lifecycle_events ORDER BY seq DESC LIMIT 1) AS lifecycle_head");
        parts.Add("(SELECT SUM(version) FROM projects) AS project_versions");
        parts.Add("(SELECT SUM(version) FROM reductions) AS reduction_versions");
        parts.Add("(SELECT SUM(status) FROM change_requests) AS request_states");
        parts.Add("(SELECT SUM(status) FROM account_applications) AS application_states");
        parts.Add("(SELECT COUNT(*) FROM documents WHERE disclosed_at IS NOT NULL) AS disclosed_documents");
        return "SELECT " + string.Join(", ", parts);
    }
}
