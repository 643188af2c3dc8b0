using System.Text.Json;
using System.Text.Json.Serialization;
using OpenCcer.Core.Primitives;

namespace OpenCcer.Core.Methodologies;

/// <summary>
/// The one JSON shape of methodology results for every adapter: snake_case names, enums as
/// snake_case strings, <see cref="Tonnes"/> as a bare whole number, dates as yyyy-MM-dd.
/// </summary>
public static class MethodologyJson
{
    public static readonly JsonSerializerOptions Options = Create();

    /// <summary>Serializes a result (by its runtime type) or any other output object.</summary>
    public static string Serialize(object value) => JsonSerializer.Serialize(value, value.GetType(), Options);

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            WriteIndented = true,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.Converters.Add(new TonnesConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private sealed class TonnesConverter : JsonConverter<Tonnes>
    {
        public override Tonnes Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            new(reader.GetInt64());

        public override void Write(Utf8JsonWriter writer, Tonnes value, JsonSerializerOptions options) =>
            writer.WriteNumberValue(value.Value);
    }
}
