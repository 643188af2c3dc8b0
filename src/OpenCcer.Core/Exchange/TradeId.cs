using System.Globalization;
using System.Text.Json.Serialization;
using OpenCcer.Core.Primitives;

namespace OpenCcer.Core.Exchange;

/// <summary>Identifies a trade within one market; assigned by the market in sequence, starting at 1. Across markets a trade is named by its instrument and this id.</summary>
[JsonConverter(typeof(LongIdJsonConverter<TradeId>))]
public readonly record struct TradeId(long Value) : ILongId<TradeId>
{
    public static TradeId From(long value) => new(value);

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
