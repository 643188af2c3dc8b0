using System.Globalization;
using System.Text.Json.Serialization;
using OpenCcer.Core.Primitives;

namespace OpenCcer.Core.Exchange;

/// <summary>Identifies a trading subject (交易主体) on the exchange; assigned outside the exchange core.</summary>
[JsonConverter(typeof(LongIdJsonConverter<ParticipantId>))]
public readonly record struct ParticipantId(long Value) : ILongId<ParticipantId>
{
    public static ParticipantId From(long value) => new(value);

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
