using OpenCcer.Core.Registry;

namespace OpenCcer.Core.Tests.Registry;

/// <summary>The ledger's block containers: the paged table by id and the sorted per-state list.</summary>
public sealed class BlockStorageTests
{
    private static readonly Instrument P1 = new("P0001", 2025);
    private static readonly AccountId Owner = new(1);

    private static BlockList ListWith(long id, long first, long last)
    {
        var list = new BlockList(Owner, P1, UnitState.Available);
        list.Insert(0, new BlockId(id), new IssuanceId(1), first, last, hold: 0);
        return list;
    }

    [Fact]
    public void the_block_table_finds_enumerates_in_id_order_and_drops_emptied_pages()
    {
        var table = new BlockTable();
        for (var id = 3000; id >= 1; id--) table.Set(new BlockId(id), ListWith(id, id, id));
        Assert.Equal(3000, table.Count);
        Assert.Equal(1500, table.GetValueOrDefault(new BlockId(1500))!.First);
        Assert.Equal(Owner, table.GetValueOrDefault(new BlockId(1500))!.Account);
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
        // Moving a block to another list replaces its entry without counting it twice.
        var other = ListWith(1025, 1025, 1025);
        table.Set(new BlockId(1025), other);
        Assert.Same(other, table.ListOf(new BlockId(1025)));
        Assert.Equal(988, table.Count);
    }

    [Fact]
    public void the_block_list_keeps_blocks_sorted_and_builds_snapshots_from_its_values()
    {
        var list = new BlockList(Owner, P1, UnitState.Frozen);
        list.Insert(list.InsertionPoint(41), new BlockId(3), new IssuanceId(1), 41, 50, hold: 7);
        list.Insert(list.InsertionPoint(21), new BlockId(2), new IssuanceId(1), 21, 30, hold: 7);
        list.Insert(list.InsertionPoint(1), new BlockId(1), new IssuanceId(1), 1, 10, hold: 7);
        Assert.Equal([1L, 21, 41], list.Select(b => b.First));
        Assert.Equal(1, list.IndexOf(25));
        Assert.Equal(2, list.IndexOf(50));
        Assert.Equal(-1, list.IndexOf(15));
        Assert.Equal(-1, list.IndexOf(51));
        Assert.Equal(1, list.InsertionPoint(11));
        Assert.Equal(2, list.IndexOfId(new BlockId(3)));
        Assert.Equal(-1, list.IndexOfId(new BlockId(4)));
        var before = list[1];
        list.SetLast(1, 35);
        Assert.Equal(30, before.Last);
        Assert.Equal(35, list[1].Last);
        Assert.Equal(15, list.CountAt(1));
        Assert.Equal(1, list.IndexOf(35));
        var snapshot = list[2];
        Assert.Equal((UnitState.Frozen, 7L, Owner, P1), (snapshot.State, snapshot.Hold, snapshot.Account, snapshot.Instrument));
        list.Replace(2, new BlockId(9), 36);
        Assert.Equal((9L, 36L, 50L), (list.IdAt(2).Value, list.FirstAt(2), list.LastAt(2)));
        list.RemoveAt(0);
        Assert.Equal([2L, 9], list.Select(b => b.Id.Value));
        Assert.Throws<ArgumentOutOfRangeException>(() => list[2]);
    }
}
