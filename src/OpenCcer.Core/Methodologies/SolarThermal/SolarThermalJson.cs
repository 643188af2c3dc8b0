using OpenCcer.Core.Methodologies.GridPower;

namespace OpenCcer.Core.Methodologies.SolarThermal;

/// <summary>Binds the documented JSON input of CCER-01-001-V01; every bad field is reported.</summary>
internal static class SolarThermalJson
{
    internal static SolarThermalInput Read(JsonFields root)
    {
        var mode = JsonCommon.ReadMode(root);
        var power = GridPowerJson.Read(root, mode);
        var fuel = mode == CalculationMode.ExAnte ? ReadExAnteFuel(root, power) : ReadFuel(root);
        var metered = root.Bool("output_metered_separately") ?? false;
        var gec = root.Bool("trades_green_certificates", required: false) ?? false;
        return new SolarThermalInput(power, fuel, metered, gec);
    }

    private static IReadOnlyList<FuelConsumption> ReadFuel(JsonFields root)
    {
        var lines = new List<FuelConsumption>();
        foreach (var item in root.Array("fuel", required: false, maxItems: GridPowerJson.PeriodsMax))
        {
            var start = item.Date("start");
            var end = item.Date("end");
            var line = ReadLine(item, start, end, GridPowerJson.ReadMeter(item));
            if (line is not null)
            {
                lines.Add(line);
            }
        }
        return lines;
    }

    private static IReadOnlyList<FuelConsumption> ReadExAnteFuel(JsonFields root, GridPowerInput power)
    {
        // The expected year is the single ex-ante period; without it the year field already has an error.
        var year = power.Periods.Count == 1 ? power.Periods[0] : null;
        var lines = new List<FuelConsumption>();
        foreach (var item in root.Array("expected_annual_fuel", required: false))
        {
            var line = ReadLine(item, year?.Start, year?.End, null);
            if (line is not null)
            {
                lines.Add(line);
            }
        }
        return lines;
    }

    private static FuelConsumption? ReadLine(JsonFields item, DateOnly? start, DateOnly? end, MeterState? meter)
    {
        var fuel = item.String("fuel");
        var quantity = item.Decimal("quantity", min: 0m);
        var unit = item.String("unit");
        var ncv = item.Decimal("ncv_gj_per_unit", required: false);
        var cc = item.Decimal("carbon_content_tc_per_gj", required: false);
        var of = item.Decimal("oxidation_factor", required: false);
        item.RejectUnknown();
        if (start is null || end is null || fuel is null || quantity is null || unit is null)
        {
            return null;
        }
        return new FuelConsumption(start.Value, end.Value, fuel, quantity.Value, unit, meter, ncv, cc, of);
    }
}
