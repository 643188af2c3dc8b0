using System.Text.Json;
using System.Text.Json.Serialization;
using OpenCcer.Core.Lifecycle;
using OpenCcer.Core.Primitives;

namespace OpenCcer.Storage.Lifecycle;

/// <summary>
/// JSON for lifecycle states and events, stored and served alike: snake_case, enums by name, ids as
/// plain strings and tonnes as plain numbers.
/// </summary>
public static class LifecycleJson
{
    public static readonly JsonSerializerOptions Options = Create();

    public static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            Converters =
            {
                new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false),
                new GuidIdConverter<ProjectId>(g => new ProjectId(g), id => id.Value),
                new GuidIdConverter<ReductionId>(g => new ReductionId(g), id => id.Value),
                new GuidIdConverter<OrganisationId>(g => new OrganisationId(g), id => id.Value),
                new TonnesConverter(),
            },
        };
        return options;
    }

    public static void AddConverters(JsonSerializerOptions options)
    {
        foreach (var c in Options.Converters.Where(c => c is not JsonStringEnumConverter)) options.Converters.Add(c);
    }

    private sealed class GuidIdConverter<T>(Func<Guid, T> create, Func<T, Guid> value) : JsonConverter<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => create(reader.GetGuid());

        public override void Write(Utf8JsonWriter writer, T id, JsonSerializerOptions options) => writer.WriteStringValue(value(id));
    }

    private sealed class TonnesConverter : JsonConverter<Tonnes>
    {
        public override Tonnes Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetInt64());

        public override void Write(Utf8JsonWriter writer, Tonnes value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Value);
    }
}
