using OpenCcer.Core.Methodologies.GridPower;

namespace OpenCcer.Core.Methodologies.OffshoreWind;

/// <summary>Binds the documented JSON input of CCER-01-002-V01; every bad field is reported.</summary>
internal static class OffshoreWindJson
{
    /// <summary>The input, or null when a siting fact is missing (its error is recorded).</summary>
    internal static OffshoreWindInput? Read(JsonFields root)
    {
        var power = GridPowerJson.Read(root, JsonCommon.ReadMode(root));
        var distance = root.Decimal("distance_offshore_km", min: 0m);
        var depth = root.Decimal("water_depth_m", min: 0m);
        var gec = root.Bool("trades_green_certificates", required: false) ?? false;
        return distance is null || depth is null ? null : new OffshoreWindInput(power, distance.Value, depth.Value, gec);
    }
}
