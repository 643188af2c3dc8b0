using System.Text.Json;
using OpenCcer.Core.Methodologies.GridPower;

namespace OpenCcer.Core.Methodologies.OffshoreWind;

/// <summary>Binds the documented JSON input of CCER-01-002-V01; every bad field is reported.</summary>
public static class OffshoreWindJson
{
    /// <summary>Either an input (and no errors) or the errors (and no input).</summary>
    public sealed record Reading(OffshoreWindInput? Input, IReadOnlyList<FieldError> Errors);

    public static Reading Read(JsonElement json)
    {
        var errors = new List<FieldError>();
        if (JsonFields.Root(json, errors) is not { } root)
        {
            return new Reading(null, errors);
        }
        var mode = JsonCommon.ReadMode(root);
        var power = GridPowerJson.Read(root, mode);
        var distance = root.Decimal("distance_offshore_km", min: 0m);
        var depth = root.Decimal("water_depth_m", min: 0m);
        var gec = root.Bool("trades_green_certificates", required: false) ?? false;
        root.RejectUnknown();
        return errors.Count > 0
            ? new Reading(null, errors)
            : new Reading(new OffshoreWindInput(power, distance!.Value, depth!.Value, gec), []);
    }
}
