using System.Data.Common;
using Npgsql;
using OpenCcer.Storage.Journal;
using OpenCcer.Storage.Projections;

namespace OpenCcer.Storage.Postgres;

/// <summary>
/// The production store on PostgreSQL. A batch is written with one statement per table, passing each
/// column as an array and unnesting it on the server, so a batch of thousands of operations costs a
/// handful of round trips.
/// </summary>
public sealed class PostgresLedgerStore(string connectionString) : LedgerStore
{
    private readonly NpgsqlDataSource dataSource = NpgsqlDataSource.Create(connectionString);

    public override string Provider => "postgresql";

    protected internal override async ValueTask<DbConnection> OpenAsync(CancellationToken ct) =>
        await dataSource.OpenConnectionAsync(ct);

    protected override async Task WriteAsync(DbConnection connection, DbTransaction transaction,
        IReadOnlyList<JournalEntry> entries, ProjectionSet changes, CancellationToken ct)
    {
        var batch = new NpgsqlBatch((NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        Insert(batch, Tables.Journal, entries, upsert: false);
        Insert(batch, Tables.Accounts, changes.Accounts, upsert: true);
        Insert(batch, Tables.Issuances, changes.Issuances, upsert: true);
        if (changes.DeletedBlocks.Count > 0)
        {
            var delete = new NpgsqlBatchCommand("DELETE FROM blocks WHERE id = ANY(@ids)");
            delete.Parameters.AddWithValue("ids", changes.DeletedBlocks.ToArray());
            batch.BatchCommands.Add(delete);
        }
        Insert(batch, Tables.Blocks, changes.Blocks, upsert: true);
        if (changes.DeletedHoldings.Count > 0)
        {
            var delete = new NpgsqlBatchCommand("""
                DELETE FROM holdings h USING unnest(@a, @p, @v) AS d(account_id, project_code, vintage)
                WHERE h.account_id = d.account_id AND h.project_code = d.project_code AND h.vintage = d.vintage
                """);
            delete.Parameters.AddWithValue("a", changes.DeletedHoldings.Select(h => h.AccountId).ToArray());
            delete.Parameters.AddWithValue("p", changes.DeletedHoldings.Select(h => h.ProjectCode).ToArray());
            delete.Parameters.AddWithValue("v", changes.DeletedHoldings.Select(h => h.Vintage).ToArray());
            batch.BatchCommands.Add(delete);
        }
        Insert(batch, Tables.Holdings, changes.Holdings, upsert: true);
        Insert(batch, Tables.Reservations, changes.Reservations, upsert: true);
        Insert(batch, Tables.Freezes, changes.Freezes, upsert: true);
        Insert(batch, Tables.Cancellations, changes.Cancellations, upsert: true);
        if (batch.BatchCommands.Count > 0) await batch.ExecuteNonQueryAsync(ct);
        await batch.DisposeAsync();
    }

    private static void Insert<T>(NpgsqlBatch batch, TableSpec<T> table, IReadOnlyList<T> rows, bool upsert)
    {
        if (rows.Count == 0) return;
        var values = rows.Select(table.Values).ToArray();
        var command = new NpgsqlBatchCommand();
        var unnest = new List<string>();
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var column = table.Columns[c];
            var name = $"c{c}";
            unnest.Add($"@{name}::{column.PgType}[]");
            Array array = column.PgType switch
            {
                "bigint" => values.Select(v => (long)v[c]!).ToArray(),
                "integer" => values.Select(v => (int)v[c]!).ToArray(),
                _ => values.Select(v => (string?)v[c]).ToArray(),
            };
            command.Parameters.AddWithValue(name, array);
        }
        command.CommandText = $"INSERT INTO {table.Name} ({table.ColumnList}) SELECT * FROM unnest({string.Join(", ", unnest)})"
            + (upsert ? " " + table.OnConflict : "");
        batch.BatchCommands.Add(command);
    }

    public override async ValueTask DisposeAsync()
    {
        await dataSource.DisposeAsync();
        await base.DisposeAsync();
    }
}
