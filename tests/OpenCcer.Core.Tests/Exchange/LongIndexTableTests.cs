using OpenCcer.Core.Exchange;

namespace OpenCcer.Core.Tests.Exchange;

/// <summary>The flat id table against a <see cref="Dictionary{TKey, TValue}"/> over random inserts and deletes.</summary>
public sealed class LongIndexTableTests
{
    [Fact]
    public void finds_what_was_added_and_forgets_what_was_removed()
    {
        var table = new LongIndexTable();
        table.Add(7, 0);
        table.Add(-3, 1);
        table.Add(0, 2);
        table.Add(long.MinValue, 3);
        table.Add(long.MaxValue, 4);

        Assert.Equal(5, table.Count);
        Assert.True(table.TryGetValue(-3, out var index));
        Assert.Equal(1, index);
        Assert.True(table.TryGetValue(long.MinValue, out index));
        Assert.Equal(3, index);
        Assert.False(table.TryGetValue(8, out _));

        Assert.True(table.Remove(7));
        Assert.False(table.Remove(7));
        Assert.False(table.TryGetValue(7, out _));
        Assert.True(table.TryGetValue(0, out index));
        Assert.Equal(2, index);
        Assert.Equal(4, table.Count);
    }

    [Fact]
    public void a_key_cannot_be_added_twice_and_an_index_is_not_negative()
    {
        var table = new LongIndexTable();
        table.Add(42, 0);
        Assert.Throws<InvalidOperationException>(() => table.Add(42, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => table.Add(43, -1));
        Assert.Equal(1, table.Count);
    }

    [Theory]
    [InlineData(1, 200_000, 1_000)]        // small keys, a table that grows from its minimum
    [InlineData(2, 200_000, 50)]           // few live keys, long probe runs broken by deletes
    [InlineData(3, 100_000, 100_000)]      // keys spread over the whole long range
    public void agrees_with_a_dictionary_over_random_adds_and_removes(int seed, int steps, long keyRange)
    {
        var random = new Random(seed);
        var table = new LongIndexTable();
        var expected = new Dictionary<long, int>();
        for (var step = 0; step < steps; step++)
        {
            var key = keyRange == 100_000 ? random.NextInt64(long.MinValue, long.MaxValue) : random.NextInt64(-keyRange, keyRange);
            if (random.Next(3) == 0 && expected.Count > 0)
            {
                Assert.Equal(expected.Remove(key), table.Remove(key));
            }
            else if (!expected.ContainsKey(key))
            {
                expected.Add(key, step);
                table.Add(key, step);
            }

            var probe = random.NextInt64(-keyRange, keyRange);
            Assert.Equal(expected.TryGetValue(probe, out var want), table.TryGetValue(probe, out var got));
            if (expected.ContainsKey(probe))
            {
                Assert.Equal(want, got);
            }
        }

        Assert.Equal(expected.Count, table.Count);
        Assert.True(table.Capacity >= 2 * table.Count);
        foreach (var (key, index) in expected)
        {
            Assert.True(table.TryGetValue(key, out var got), $"key {key} lost");
            Assert.Equal(index, got);
        }

        Assert.Equal(expected.OrderBy(e => e.Key), table.Entries().OrderBy(e => e.Key).Select(e => KeyValuePair.Create(e.Key, e.Index)));
    }

    [Fact]
    public void removing_every_key_in_a_colliding_run_keeps_the_others_reachable()
    {
        // Consecutive keys land anywhere in the table; with 1,024 keys in a table of 2,048 many share
        // probe runs, so deleting every other one exercises the backward shift.
        var table = new LongIndexTable();
        for (var key = 0; key < 1_024; key++)
        {
            table.Add(key, key);
        }

        for (var key = 0; key < 1_024; key += 2)
        {
            Assert.True(table.Remove(key));
        }

        for (var key = 0; key < 1_024; key++)
        {
            Assert.Equal(key % 2 == 1, table.TryGetValue(key, out var index));
            Assert.Equal(key % 2 == 1 ? key : -1, index);
        }

        table.Clear();
        Assert.Equal(0, table.Count);
        Assert.False(table.TryGetValue(1, out _));
    }
}
