namespace OpenCcer.Core.Exchange;

/// <summary>
/// A map from 64-bit keys (order or participant ids) to non-negative 32-bit indexes, in one flat array
/// of entries: open addressing with linear probing, at most half full, and backward-shift deletion (no
/// tombstones, so a table that sees many inserts and deletes never degrades). The hash is a
/// multiplicative (Fibonacci) hash of the key; every key is allowed, including 0 and negative ones.
/// Not thread-safe. Allocates only when it grows.
/// </summary>
internal sealed class LongIndexTable
{
    private const int MinCapacity = 16;

    // Index + 1 in Slot, so a default (zeroed) entry is empty and a new array needs no fill.
    private Entry[] _entries;
    private int _shift;
    private int _mask;

    public LongIndexTable(int capacity = MinCapacity)
    {
        var size = MinCapacity;
        while (size < capacity * 2)
        {
            size *= 2;
        }

        _entries = new Entry[size];
        _mask = size - 1;
        _shift = 64 - System.Numerics.BitOperations.Log2((uint)size);
    }

    public int Count { get; private set; }

    /// <summary>Number of entries in the backing array (a power of two, at least twice <see cref="Count"/>).</summary>
    internal int Capacity => _entries.Length;

    public bool TryGetValue(long key, out int index)
    {
        var entries = _entries;
        var i = Home(key);
        while (true)
        {
            ref var entry = ref entries[i];
            if (entry.Slot == 0)
            {
                index = -1;
                return false;
            }

            if (entry.Key == key)
            {
                index = entry.Slot - 1;
                return true;
            }

            i = (i + 1) & _mask;
        }
    }

    /// <summary>Adds a key that must not be present; <paramref name="index"/> must be non-negative.</summary>
    /// <exception cref="InvalidOperationException">The key is present: a bug in the caller.</exception>
    public void Add(long key, int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfEqual(index, int.MaxValue);
        if ((Count + 1) * 2 > _entries.Length)
        {
            Grow();
        }

        Insert(key, index + 1);
        Count++;
    }

    /// <summary>Removes a key; false when it was not present.</summary>
    public bool Remove(long key)
    {
        var entries = _entries;
        var i = Home(key);
        while (true)
        {
            if (entries[i].Slot == 0)
            {
                return false;
            }

            if (entries[i].Key == key)
            {
                break;
            }

            i = (i + 1) & _mask;
        }

        // Backward shift: move later entries of the same probe run into the hole when their home
        // position does not lie cyclically after the hole, so every key stays reachable from its home.
        var hole = i;
        var j = i;
        while (true)
        {
            j = (j + 1) & _mask;
            if (entries[j].Slot == 0)
            {
                break;
            }

            var home = Home(entries[j].Key);
            var distanceToHole = (j - hole) & _mask;
            var distanceToHome = (j - home) & _mask;
            if (distanceToHome >= distanceToHole)
            {
                entries[hole] = entries[j];
                hole = j;
            }
        }

        entries[hole] = default;
        Count--;
        return true;
    }

    /// <summary>Removes every key, keeping the capacity.</summary>
    public void Clear()
    {
        Array.Clear(_entries);
        Count = 0;
    }

    /// <summary>Every key and index, in table order.</summary>
    public IEnumerable<(long Key, int Index)> Entries()
    {
        foreach (var entry in _entries)
        {
            if (entry.Slot != 0)
            {
                yield return (entry.Key, entry.Slot - 1);
            }
        }
    }

    // The top bits of key × 2^64/φ: consecutive ids spread over the whole table. Multiplication
    // modulo 2^64 is the point of the hash, so it is unchecked on purpose.
    private int Home(long key) => (int)(unchecked((ulong)key * 0x9E3779B97F4A7C15UL) >> _shift);

    private void Insert(long key, int slot)
    {
        var entries = _entries;
        var i = Home(key);
        while (entries[i].Slot != 0)
        {
            if (entries[i].Key == key)
            {
                throw new InvalidOperationException($"Key {key} is already in the table.");
            }

            i = (i + 1) & _mask;
        }

        entries[i] = new Entry(key, slot);
    }

    private void Grow()
    {
        var old = _entries;
        _entries = new Entry[old.Length * 2];
        _mask = _entries.Length - 1;
        _shift--;
        foreach (var entry in old)
        {
            if (entry.Slot != 0)
            {
                Insert(entry.Key, entry.Slot);
            }
        }
    }

    private readonly record struct Entry(long Key, int Slot);
}
