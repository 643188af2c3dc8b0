using OpenCcer.Storage.Projections;

namespace OpenCcer.Storage;

/// <summary>Reads of the registry's projections: accounts, holdings, blocks, issuances, reservations, freezes, cancellations.</summary>
public sealed partial class RegistryQueries(LedgerStore db) : StoreAccess(db)
{
    public async Task<AccountRow?> AccountAsync(long id, CancellationToken ct = default) =>
        (await QueryAsync(Tables.Accounts, "id = @id", ct, ("@id", id))).SingleOrDefault();

    public Task<List<AccountRow>> AccountsAsync(int limit, int offset, CancellationToken ct = default) =>
        QueryAsync(Tables.Accounts, "1 = 1 ORDER BY id LIMIT @limit OFFSET @offset", ct, ("@limit", Clamp(limit)), ("@offset", Math.Max(0, offset)));

    public Task<List<AccountRow>> AccountsOfSubjectAsync(string subjectId, CancellationToken ct = default) =>
        QueryAsync(Tables.Accounts, "subject_id = @subject ORDER BY id", ct, ("@subject", subjectId));

    public Task<List<HoldingRow>> HoldingsAsync(long accountId, CancellationToken ct = default) =>
        QueryAsync(Tables.Holdings, "account_id = @id ORDER BY project_code, vintage", ct, ("@id", accountId));

    public Task<List<BlockRow>> BlocksAsync(long accountId, CancellationToken ct = default) =>
        QueryAsync(Tables.Blocks, "account_id = @id ORDER BY project_code, vintage, first_serial", ct, ("@id", accountId));

    public Task<List<IssuanceRow>> IssuancesAsync(string? projectCode, int limit, int offset, CancellationToken ct = default) =>
        projectCode is null
            ? QueryAsync(Tables.Issuances, "1 = 1 ORDER BY id LIMIT @limit OFFSET @offset", ct, ("@limit", Clamp(limit)), ("@offset", Math.Max(0, offset)))
            : QueryAsync(Tables.Issuances, "project_code = @code ORDER BY id LIMIT @limit OFFSET @offset", ct,
                ("@code", projectCode), ("@limit", Clamp(limit)), ("@offset", Math.Max(0, offset)));

    public Task<List<CancellationRow>> CancellationsAsync(int limit, int offset, CancellationToken ct = default) =>
        QueryAsync(Tables.Cancellations, "1 = 1 ORDER BY id LIMIT @limit OFFSET @offset", ct, ("@limit", Clamp(limit)), ("@offset", Math.Max(0, offset)));

    /// <summary>The newest <paramref name="limit"/> cancellations of units from one account, newest first.</summary>
    public Task<List<CancellationRow>> CancellationsOfAccountAsync(long accountId, int limit, CancellationToken ct = default) =>
        QueryAsync(Tables.Cancellations, "account_id = @a ORDER BY id DESC LIMIT @limit", ct, ("@a", accountId), ("@limit", Clamp(limit)));

    public async Task<CancellationRow?> CancellationAsync(string certificateNumber, CancellationToken ct = default) =>
        (await QueryAsync(Tables.Cancellations, "certificate_number = @n", ct, ("@n", certificateNumber))).SingleOrDefault();

    public async Task<ReservationRow?> ReservationAsync(long id, CancellationToken ct = default) =>
        (await QueryAsync(Tables.Reservations, "id = @id", ct, ("@id", id))).SingleOrDefault();

    public async Task<FreezeRow?> FreezeAsync(long id, CancellationToken ct = default) =>
        (await QueryAsync(Tables.Freezes, "id = @id", ct, ("@id", id))).SingleOrDefault();

    /// <summary>Registry-wide totals of CCERs in tonnes (ETS allowances excluded), for the public explorer.</summary>
    public async Task<RegistryTotals> TotalsAsync(CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT
              (SELECT COALESCE(SUM(last_serial - first_serial + 1), 0) FROM issuances WHERE project_code <> 'CEA'),
              (SELECT COUNT(*) FROM issuances WHERE project_code <> 'CEA'),
              (SELECT COALESCE(SUM(h.available), 0) FROM holdings h JOIN accounts a ON a.id = h.account_id WHERE a.kind = 1 AND h.project_code <> 'CEA'),
              (SELECT COALESCE(SUM(h.available), 0) FROM holdings h JOIN accounts a ON a.id = h.account_id WHERE a.kind = 2 AND h.project_code <> 'CEA'),
              (SELECT COALESCE(SUM(reserved), 0) FROM holdings WHERE project_code <> 'CEA'),
              (SELECT COALESCE(SUM(frozen), 0) FROM holdings WHERE project_code <> 'CEA'),
              (SELECT COALESCE(SUM(cancelled), 0) FROM holdings WHERE project_code <> 'CEA'),
              (SELECT COUNT(*) FROM accounts WHERE kind = 1),
              (SELECT COUNT(DISTINCT project_code) FROM issuances WHERE project_code <> 'CEA')
            """;
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new RegistryTotals(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3),
            reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7), reader.GetInt64(8));
    }

    /// <summary>Serial blocks in id order, one page at a time.</summary>
    public Task<List<BlockRow>> BlocksPageAsync(long afterId, int limit, CancellationToken ct = default) =>
        QueryAsync(Tables.Blocks, "id > @after ORDER BY id LIMIT @limit", ct, ("@after", afterId), ("@limit", Clamp(limit)));
}
