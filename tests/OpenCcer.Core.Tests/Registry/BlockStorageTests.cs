using OpenCcer.Core.Registry;

namespace OpenCcer.Core.Tests.Registry;

/// <summary>The ledger's block containers: the paged table by id and the sorted per-state list.</summary>
public sealed class BlockStorageTests
{
    private static readonly Instrument P1 = new("P0001", 2025);

    private static Block NewBlock(long id, long first, long last) =>
        new(new BlockId(id), new IssuanceId(1), P1, first, last, new AccountId(1), UnitState.Available, 0);

    [Fact]
    public void the_block_table_finds_enumerates_in_id_order_and_drops_emptied_pages()
    {
        var table = new BlockTable();
        for (var id = 1; id <= 3000; id++) table.Add(NewBlock(id, id, id));
        Assert.Equal(3000, table.Count);
        Assert.Equal(1500, table.GetValueOrDefault(new BlockId(1500))!.First);
        Assert.Null(table.GetValueOrDefault(new BlockId(0)));
        Assert.Null(table.GetValueOrDefault(new BlockId(3001)));
        Assert.Null(table.GetValueOrDefault(new BlockId(long.MaxValue)));
        // Empty the whole first page and every other block after it.
        for (var id = 1; id <= 1024; id++) Assert.True(table.Remove(new BlockId(id)));
        for (var id = 1026; id <= 3000; id += 2) Assert.True(table.Remove(new BlockId(id)));
        Assert.False(table.Remove(new BlockId(1)));
        Assert.False(table.ContainsKey(new BlockId(512)));
        var ids = table.Select(b => b.Id.Value).ToList();
        Assert.Equal(Enumerable.Range(0, 988).Select(i => 1025L + 2 * i), ids);
        Assert.Equal(988, table.Count);
        Assert.Throws<InvalidOperationException>(() => table.Add(NewBlock(1025, 1, 1)));
    }

    [Fact]
    public void the_block_list_keeps_its_copies_of_the_serials_equal_to_the_blocks()
    {
        var list = new BlockList();
        var blocks = new[] { NewBlock(1, 1, 10), NewBlock(2, 21, 30), NewBlock(3, 41, 50) };
        foreach (var b in blocks.Reverse()) list.Insert(list.InsertionPoint(b.First), b);
        Assert.Equal([1L, 21, 41], list.Select(b => b.First));
        Assert.Equal(1, list.IndexOf(25));
        Assert.Equal(2, list.IndexOf(50));
        Assert.Equal(-1, list.IndexOf(15));
        Assert.Equal(-1, list.IndexOf(51));
        Assert.Equal(1, list.InsertionPoint(11));
        list.SetLast(1, 35);
        Assert.Equal(35, blocks[1].Last);
        Assert.Equal(35, list.LastAt(1));
        Assert.Equal(15, list.CountAt(1));
        Assert.Equal(1, list.IndexOf(35));
        list.RemoveAt(0);
        Assert.Equal([2L, 3], list.Select(b => b.Id.Value));
        Assert.Throws<ArgumentOutOfRangeException>(() => list[2]);
    }
}
