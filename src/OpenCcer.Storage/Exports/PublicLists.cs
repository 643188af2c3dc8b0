using OpenCcer.Storage.Projections;

namespace OpenCcer.Storage.Exports;

/// <summary>
/// The registry's public lists read whole from the store, a page at a time (pages are capped at
/// <see cref="LedgerStore.PageSizeMax"/>): what the export tables and reports are built from. Queries only;
/// the formats are written elsewhere.
/// </summary>
public static class PublicLists
{
    public static async Task<List<T>> AllAsync<T>(Func<int, int, Task<List<T>>> page)
    {
        var rows = new List<T>();
        for (var offset = 0; ; offset += LedgerStore.PageSizeMax)
        {
            var batch = await page(LedgerStore.PageSizeMax, offset);
            rows.AddRange(batch);
            if (batch.Count < LedgerStore.PageSizeMax) return rows;
        }
    }

    public static async Task<List<BlockRow>> BlocksAsync(LedgerStore store, CancellationToken ct)
    {
        var rows = new List<BlockRow>();
        for (long after = 0; ;)
        {
            var batch = await store.Registry.BlocksPageAsync(after, LedgerStore.PageSizeMax, ct);
            rows.AddRange(batch);
            if (batch.Count < LedgerStore.PageSizeMax) return rows;
            after = batch[^1].Id;
        }
    }
}
