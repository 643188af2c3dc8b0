using System.Data.Common;
using System.Runtime.CompilerServices;
using OpenCcer.Storage.Exchange;
using OpenCcer.Storage.Journal;
using OpenCcer.Storage.Projections;

namespace OpenCcer.Storage;

// Writes that commit registry rows together with the exchange's own rows.
public abstract partial class LedgerStore
{
    /// <summary>
    /// Appends <paramref name="entries"/>, applies <paramref name="changes"/> and runs <paramref name="alsoWrite"/>
    /// in one database transaction: all of it lands or none of it.
    /// </summary>
    public async Task AppendAsync(IReadOnlyList<JournalEntry> entries, ProjectionSet changes,
        Func<DbConnection, DbTransaction, CancellationToken, Task> alsoWrite, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(alsoWrite);
        await using var connection = await OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await WriteAsync(connection, transaction, entries, changes, ct);
        await alsoWrite(connection, transaction, ct);
        await transaction.CommitAsync(ct);
    }
}
