using System.Text.Json.Serialization;
using OpenCcer.Core.Primitives;

namespace OpenCcer.Core.Registry;

/// <summary>Identifies one cancellation record; assigned by the ledger in sequence, starting at 1.</summary>
[JsonConverter(typeof(LongIdJsonConverter<CancellationId>))]
public readonly record struct CancellationId(long Value) : ILongId<CancellationId>
{
    public static CancellationId From(long value) => new(value);

    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
