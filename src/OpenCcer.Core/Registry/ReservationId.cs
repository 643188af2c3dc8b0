using System.Text.Json.Serialization;
using OpenCcer.Core.Primitives;

namespace OpenCcer.Core.Registry;

/// <summary>Identifies one reservation record; assigned by the ledger in sequence, starting at 1.</summary>
[JsonConverter(typeof(LongIdJsonConverter<ReservationId>))]
public readonly record struct ReservationId(long Value) : ILongId<ReservationId>
{
    public static ReservationId From(long value) => new(value);

    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
