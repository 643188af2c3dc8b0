using OpenCcer.Storage.Projections;

namespace OpenCcer.Storage;

// Reads for public exports and statistics: every block, page by page.
public sealed partial class RegistryQueries
{
    /// <summary>Serial blocks in id order, one page at a time.</summary>
    public Task<List<BlockRow>> BlocksPageAsync(long afterId, int limit, CancellationToken ct = default) =>
        QueryAsync(Tables.Blocks, "id > @after ORDER BY id LIMIT @limit", ct, ("@after", afterId), ("@limit", Clamp(limit)));
}
