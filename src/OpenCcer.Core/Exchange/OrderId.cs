using System.Globalization;
using System.Text.Json.Serialization;
using OpenCcer.Core.Primitives;

namespace OpenCcer.Core.Exchange;

/// <summary>Identifies a listing, a bulk proposal, a one-way bidding or a bid within one market. Chosen by the caller (the sequencer), strictly ascending per market, so a repeated or stale id is refused without remembering every id ever used.</summary>
[JsonConverter(typeof(LongIdJsonConverter<OrderId>))]
public readonly record struct OrderId(long Value) : ILongId<OrderId>
{
    public static OrderId From(long value) => new(value);

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
