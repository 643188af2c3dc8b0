namespace OpenCcer.Storage;

/// <summary>Reference data the registry keeps: grid emission factors and the working-day calendar.</summary>
public sealed partial class ReferenceStore(LedgerStore db) : StoreAccess(db)
{
    /// <summary>Records a grid-factor year; false when that grid and year are already recorded.</summary>
    public async Task<bool> AddGridFactorAsync(GridFactorRecord r, CancellationToken ct = default) =>
        await ExecuteAsync("""
            INSERT INTO grid_factors (grid, year, grid_zh, om_tco2_per_mwh, bm_tco2_per_mwh, status, source, added_at, added_by)
            VALUES (@g, @y, @gz, @om, @bm, @s, @src, @at, @by) ON CONFLICT (grid, year) DO NOTHING
            """, ct,
            ("@g", r.Grid), ("@y", r.Year), ("@gz", r.GridZh), ("@om", r.OmTco2PerMwh), ("@bm", r.BmTco2PerMwh), ("@s", r.Status),
            ("@src", r.Source), ("@at", r.AddedAt), ("@by", r.AddedBy)) == 1;

    public async Task<List<GridFactorRecord>> GridFactorsAsync(CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT grid, grid_zh, year, om_tco2_per_mwh, bm_tco2_per_mwh, status, source, added_at, added_by
            FROM grid_factors ORDER BY added_at, grid, year
            """;
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<GridFactorRecord>();
        while (await reader.ReadAsync(ct))
            rows.Add(new GridFactorRecord(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3),
                reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetString(7), reader.GetString(8)));
        return rows;
    }
}
