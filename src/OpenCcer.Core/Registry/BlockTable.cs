using System.Collections;

namespace OpenCcer.Core.Registry;

/// <summary>
/// Which list holds each live block, by block id. Ids are assigned in sequence and never reused, and
/// a split or merge adds the newest id and removes an arbitrary older one, so the table is kept in
/// pages of consecutive ids: adding writes the last page, finding, moving or removing is two array
/// loads, and a page whose blocks are all gone is dropped. Enumerates blocks in id order.
/// </summary>
internal sealed class BlockTable : IReadOnlyCollection<Block>
{
    private const int PageBits = 10;
    private const int PageSize = 1 << PageBits;

    private readonly List<BlockList?[]?> pages = [];
    private readonly List<int> live = [];

    public int Count { get; private set; }

    private static (int Page, int Slot) Locate(BlockId id)
    {
        var index = id.Value - 1;
        return index < 0 || index >= (long)int.MaxValue * PageSize
            ? (-1, 0)
            : ((int)(index >> PageBits), (int)(index & (PageSize - 1)));
    }

    /// <summary>The list that holds block <paramref name="id"/>, or null.</summary>
    public BlockList? ListOf(BlockId id)
    {
        var (p, s) = Locate(id);
        return p >= 0 && p < pages.Count && pages[p] is { } page ? page[s] : null;
    }

    public Block? GetValueOrDefault(BlockId id)
    {
        var list = ListOf(id);
        var index = list?.IndexOfId(id) ?? -1;
        return index < 0 ? null : list![index];
    }

    public bool ContainsKey(BlockId id) => ListOf(id) is not null;

    /// <summary>Records that block <paramref name="id"/>, new or moved, is now in <paramref name="list"/>.</summary>
    public void Set(BlockId id, BlockList list)
    {
        var (p, s) = Locate(id);
        if (p < 0) throw new ArgumentOutOfRangeException(nameof(id), $"Block id {id} is out of range.");
        while (pages.Count <= p)
        {
            pages.Add(null);
            live.Add(0);
        }
        var page = pages[p] ??= new BlockList?[PageSize];
        if (page[s] is null)
        {
            live[p]++;
            Count++;
        }
        page[s] = list;
    }

    public bool Remove(BlockId id)
    {
        var (p, s) = Locate(id);
        if (p < 0 || p >= pages.Count || pages[p] is not { } page || page[s] is null) return false;
        page[s] = null;
        Count--;
        // Keep the last page: new ids are written there next.
        if (--live[p] == 0 && p != pages.Count - 1) pages[p] = null;
        return true;
    }

    /// <summary>Snapshots of every block, in id order: each list the table names is read once.</summary>
    public IEnumerator<Block> GetEnumerator()
    {
        var lists = new HashSet<BlockList>(ReferenceEqualityComparer.Instance);
        var all = new List<Block>(Count);
        foreach (var page in pages)
        {
            if (page is null) continue;
            foreach (var list in page)
            {
                if (list is not null && lists.Add(list)) all.AddRange(list);
            }
        }
        all.Sort((a, b) => a.Id.Value.CompareTo(b.Id.Value));
        return all.GetEnumerator();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
