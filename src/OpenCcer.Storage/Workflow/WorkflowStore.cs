using System.Data.Common;

namespace OpenCcer.Storage;

// The one way workflow rows change: a conditional update and its history row, in one transaction.
public sealed partial class WorkflowStore(LedgerStore db) : StoreAccess(db)
{
    /// <summary>
    /// Updates row <paramref name="id"/> of <paramref name="table"/> with <paramref name="set"/> when
    /// <paramref name="condition"/> holds, and appends a history step; false (and nothing written) otherwise.
    /// </summary>
    private async Task<bool> StepAsync(string table, string history, string historyKey, string id, string set, string condition,
        int status, string actor, DateTimeOffset at, string? note, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var update = connection.CreateCommand())
        {
            update.Transaction = transaction;
            update.CommandText = $"UPDATE {table} SET {set} WHERE id = @id AND {condition}";
            Add(update, "@id", id);
            foreach (var (name, value) in parameters) Add(update, name, value);
            if (await update.ExecuteNonQueryAsync(ct) != 1)
            {
                await transaction.RollbackAsync(ct);
                return false;
            }
        }
        await AppendStepAsync(connection, transaction, history, historyKey, id, status, actor, at, note, ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    private static async Task AppendStepAsync(DbConnection connection, DbTransaction transaction, string history, string historyKey,
        string id, int status, string actor, DateTimeOffset at, string? note, CancellationToken ct)
    {
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"""
            INSERT INTO {history} ({historyKey}, step, status, actor, at, note)
            SELECT @id, COALESCE(MAX(step), 0) + 1, @status, @actor, @at, @note FROM {history} WHERE {historyKey} = @id
            """;
        Add(insert, "@id", id);
        Add(insert, "@status", status);
        Add(insert, "@actor", actor);
        Add(insert, "@at", People.Stamp.Of(at));
        Add(insert, "@note", note ?? "");
        await insert.ExecuteNonQueryAsync(ct);
    }

    private Task<List<People.WorkflowStep>> StepsAsync(string history, string historyKey, string id, CancellationToken ct) =>
        ReadAsync($"SELECT step, status, actor, at, note FROM {history} WHERE {historyKey} = @k ORDER BY step",
            r => new People.WorkflowStep(Int(r, 0), Int(r, 1), r.GetString(2), r.GetString(3), Text(r, 4) is { Length: > 0 } n ? n : null),
            ct, ("@k", id));

    /// <summary>Inserts a row (ignoring unique conflicts) and its first history step; false when the insert hit a conflict.</summary>
    private async Task<bool> InsertWithStepAsync(string sql, string history, string historyKey, string id,
        int status, string actor, DateTimeOffset at, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = sql + " ON CONFLICT DO NOTHING";
            foreach (var (name, value) in parameters) Add(insert, name, value);
            if (await insert.ExecuteNonQueryAsync(ct) != 1)
            {
                await transaction.RollbackAsync(ct);
                return false;
            }
        }
        await AppendStepAsync(connection, transaction, history, historyKey, id, status, actor, at, null, ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>
    /// After an insert hit a conflict: the row the organisation first recorded under the same operation id,
    /// <see cref="People.InsertOutcome.Replayed"/> when its request hash matches and
    /// <see cref="People.InsertOutcome.OperationIdReused"/> when not; <see cref="People.InsertOutcome.Duplicate"/>
    /// with <paramref name="attempted"/> when there is none.
    /// </summary>
    private async Task<(People.InsertOutcome Outcome, T Record)> FirstOfOperationAsync<T>(T attempted, string table, string columns,
        Func<DbDataReader, T> read, Func<T, string> requestHash, string organisationId, string operationId, CancellationToken ct)
    {
        var first = (await ReadAsync($"SELECT {columns} FROM {table} WHERE organisation_id = @o AND operation_id = @op",
            read, ct, ("@o", organisationId), ("@op", operationId))).SingleOrDefault();
        if (first is null) return (People.InsertOutcome.Duplicate, attempted);
        return (requestHash(first) == requestHash(attempted) ? People.InsertOutcome.Replayed : People.InsertOutcome.OperationIdReused, first);
    }
}
