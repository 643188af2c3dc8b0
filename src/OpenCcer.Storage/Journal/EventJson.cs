using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using OpenCcer.Core.Registry;

namespace OpenCcer.Storage.Journal;

/// <summary>How events and commands are written to the journal: snake_case, enums by name.</summary>
public static class EventJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
        WriteIndented = false,
    };

    public static string Serialize(LedgerEvent e) => JsonSerializer.Serialize(e, Options);

    public static LedgerEvent Deserialize(string json) =>
        JsonSerializer.Deserialize<LedgerEvent>(json, Options) ?? throw new JsonException("Empty event.");


    /// <summary>The discriminator written for an event, e.g. <c>units_transferred</c>.</summary>
    public static string KindOf(LedgerEvent e) => JsonNamingPolicy.SnakeCaseLower.ConvertName(e.GetType().Name);

    public static string Timestamp(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}
