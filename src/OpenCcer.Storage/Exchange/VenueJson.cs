using System.Text.Json;
using System.Text.Json.Serialization;
using OpenCcer.Core.Exchange;
using OpenCcer.Storage.Journal;

namespace OpenCcer.Storage.Exchange;

/// <summary>How venue commands and their results are written to the exchange journal: the journal's snake_case JSON.</summary>
public static class VenueJson
{
    public static readonly JsonSerializerOptions Options = new(EventJson.Options) { Converters = { new MarketCommandConverter() } };

    public static string Serialize(VenueCommand command) => JsonSerializer.Serialize(command, Options);

    public static VenueCommand Deserialize(string json) =>
        JsonSerializer.Deserialize<VenueCommand>(json, Options) ?? throw new JsonException("Empty venue command.");

    public static string Serialize(VenueRecord result) => JsonSerializer.Serialize(result, Options);

    public static VenueRecord DeserializeResult(string json) =>
        JsonSerializer.Deserialize<VenueRecord>(json, Options) ?? throw new JsonException("Empty venue result.");

    /// <summary>The discriminator of a command, e.g. <c>to_market</c>.</summary>
    public static string KindOf(VenueCommand command) =>
        command is ToMarket m ? "to_market:" + MarketCommandConverter.NameOf(m.Command.GetType()) : JsonNamingPolicy.SnakeCaseLower.ConvertName(command.GetType().Name);

    /// <summary>Market commands carry no discriminator of their own: this writes <c>{"type": "post_listing", ...}</c>.</summary>
    private sealed class MarketCommandConverter : JsonConverter<MarketCommand>
    {
        private static readonly Dictionary<string, Type> Types = typeof(MarketCommand).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(MarketCommand)) && !t.IsAbstract)
            .ToDictionary(NameOf, StringComparer.Ordinal);

        public static string NameOf(Type type) => JsonNamingPolicy.SnakeCaseLower.ConvertName(type.Name);

        public override MarketCommand Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            var name = document.RootElement.TryGetProperty("type", out var type) ? type.GetString() : null;
            if (name is null || !Types.TryGetValue(name, out var concrete)) throw new JsonException($"Unknown market command '{name}'.");
            return (MarketCommand)(document.RootElement.Deserialize(concrete, options) ?? throw new JsonException("Empty market command."));
        }

        public override void Write(Utf8JsonWriter writer, MarketCommand value, JsonSerializerOptions options)
        {
            var element = JsonSerializer.SerializeToElement(value, value.GetType(), options);
            writer.WriteStartObject();
            writer.WriteString("type", NameOf(value.GetType()));
            foreach (var property in element.EnumerateObject()) property.WriteTo(writer);
            writer.WriteEndObject();
        }
    }
}

/// <summary>What the journal keeps of a venue result, so a repeated operation id returns the first answer.</summary>
public sealed record VenueRecord(VenueStatus Status, ExchangeStatus MarketStatus, IReadOnlyList<ExchangeEvent> Events);
