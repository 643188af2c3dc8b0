using System.Text.Json.Serialization;
using OpenCcer.Core.Primitives;

namespace OpenCcer.Core.Registry;

/// <summary>Identifies one block record; assigned by the ledger in sequence, starting at 1.</summary>
[JsonConverter(typeof(LongIdJsonConverter<BlockId>))]
public readonly record struct BlockId(long Value) : ILongId<BlockId>
{
    public static BlockId From(long value) => new(value);

    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
