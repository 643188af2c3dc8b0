using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using OpenCcer.Core.Primitives;

namespace OpenCcer.Core.Registry;

/// <summary>
/// Records whose ids the ledger assigns in sequence from 1 and never removes (accounts, reservations),
/// kept in a list indexed by id − 1: a lookup is a bounds check and an array load instead of a hash
/// lookup. Enumerates in id order, which is also the order they were added.
/// </summary>
internal sealed class SequentialTable<TId, TValue> where TId : struct, ILongId<TId> where TValue : class
{
    private readonly List<TValue> values = [];

    public SequentialTable() => View = values.AsReadOnly();

    public int Count => values.Count;

    /// <summary>The records in id order, read-only and live.</summary>
    public ReadOnlyCollection<TValue> View { get; }

    /// <summary>The id the next <see cref="Add"/> must use.</summary>
    public long NextId => values.Count + 1L;

    public bool TryGetValue(TId id, [MaybeNullWhen(false)] out TValue value)
    {
        var v = id.Value;
        if (v >= 1 && v <= values.Count)
        {
            value = values[(int)(v - 1)];
            return true;
        }
        value = null;
        return false;
    }

    public TValue? GetValueOrDefault(TId id) => TryGetValue(id, out var value) ? value : null;

    public TValue this[TId id] =>
        TryGetValue(id, out var value) ? value : throw new KeyNotFoundException($"No record with id {id.Value}.");

    /// <summary>Adds the record with the next id; the caller has checked the sequence.</summary>
    public void Add(TId id, TValue value)
    {
        if (id.Value != NextId) throw new InvalidOperationException($"Id {id.Value} is out of sequence; expected {NextId}.");
        values.Add(value);
    }
}
