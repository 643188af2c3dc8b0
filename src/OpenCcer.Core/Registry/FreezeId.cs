using System.Text.Json.Serialization;
using OpenCcer.Core.Primitives;

namespace OpenCcer.Core.Registry;

/// <summary>Identifies one freeze record; assigned by the ledger in sequence, starting at 1.</summary>
[JsonConverter(typeof(LongIdJsonConverter<FreezeId>))]
public readonly record struct FreezeId(long Value) : ILongId<FreezeId>
{
    public static FreezeId From(long value) => new(value);

    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
