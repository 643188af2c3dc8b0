using System.Collections;

namespace OpenCcer.Core.Registry;

/// <summary>
/// Every live block by id. Ids are assigned in sequence and never reused, and a split or merge adds
/// the newest id and removes an arbitrary older one, so blocks sit in pages of consecutive ids: adding
/// writes the last page, finding or removing is two array loads, and a page whose blocks are all gone
/// is dropped. Enumerates in id order.
/// </summary>
internal sealed class BlockTable : IReadOnlyCollection<Block>
{
    private const int PageBits = 10;
    private const int PageSize = 1 << PageBits;

    private readonly List<Block?[]?> pages = [];
    private readonly List<int> live = [];

    public int Count { get; private set; }

    private static (int Page, int Slot) Locate(BlockId id)
    {
        var index = id.Value - 1;
        return index < 0 || index >= (long)int.MaxValue * PageSize
            ? (-1, 0)
            : ((int)(index >> PageBits), (int)(index & (PageSize - 1)));
    }

    public Block? GetValueOrDefault(BlockId id)
    {
        var (p, s) = Locate(id);
        return p >= 0 && p < pages.Count && pages[p] is { } page ? page[s] : null;
    }

    public bool ContainsKey(BlockId id) => GetValueOrDefault(id) is not null;

    public void Add(Block block)
    {
        var (p, s) = Locate(block.Id);
        if (p < 0) throw new ArgumentOutOfRangeException(nameof(block), $"Block id {block.Id} is out of range.");
        while (pages.Count <= p)
        {
            pages.Add(null);
            live.Add(0);
        }
        var page = pages[p] ??= new Block?[PageSize];
        if (page[s] is not null) throw new InvalidOperationException($"Block {block.Id} exists.");
        page[s] = block;
        live[p]++;
        Count++;
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

    public IEnumerator<Block> GetEnumerator()
    {
        foreach (var page in pages)
        {
            if (page is null) continue;
            foreach (var block in page)
            {
                if (block is not null) yield return block;
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
