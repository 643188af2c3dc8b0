using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenCcer.Core.Primitives;

/// <summary>Writes a typed id as its number, so journaled events and API bodies stay plain.</summary>
public sealed class LongIdJsonConverter<T> : JsonConverter<T> where T : struct, ILongId<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        T.From(reader.GetInt64());

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.Value);
}
