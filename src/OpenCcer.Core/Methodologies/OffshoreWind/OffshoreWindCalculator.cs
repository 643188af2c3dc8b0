using OpenCcer.Core.Methodologies.GridPower;

namespace OpenCcer.Core.Methodologies.OffshoreWind;

/// <summary>
/// CCER-01-002-V01 grid-connected offshore wind: ER_y = BE_y = EG_PJ,y × EF_grid,CM,y; PE_y = 0 and
/// leakage 0. Applies only beyond 30 km offshore or in water deeper than 30 m (CONFIGURABLE limits).
/// </summary>
public sealed class OffshoreWindCalculator() : MethodologyCalculator<OffshoreWindInput>(MethodologyCode, OffshoreWindJson.Read, Calculate)
{
    public const string MethodologyCode = "CCER-01-002-V01";

    /// <summary>Every failed applicability condition; empty when the project qualifies.</summary>
    public static IReadOnlyList<FieldError> CheckApplicability(OffshoreWindInput input, MethodologyInfo info)
    {
        var failures = new List<FieldError>();
        var s = input.Power.Settings;
        if (input.DistanceOffshoreKm <= s.OffshoreDistanceMinKm && input.WaterDepthM <= s.WaterDepthMinM)
        {
            failures.Add(new FieldError("distance_offshore_km",
                $"the farm must be more than {s.OffshoreDistanceMinKm} km offshore or in water deeper than {s.WaterDepthMinM} m " +
                $"(is {input.DistanceOffshoreKm} km, {input.WaterDepthM} m)"));
        }
        GridPowerAccounting.CheckApplicability(input.Power, input.TradesGreenCertificates, info, failures);
        return failures;
    }

    public static CalculationOutcome Calculate(OffshoreWindInput input, MethodologyReferenceData reference) =>
        CalculationOutcome.Decide(
            Validate(input, reference),
            () => CheckApplicability(input, reference.Info(MethodologyCode)),
            () => GridPowerAccounting.Result(MethodologyCode, input.Power, reference.GridFactors, fuelLines: [], noteNegativeReductions: false));

    private static List<FieldError> Validate(OffshoreWindInput input, MethodologyReferenceData reference)
    {
        var errors = GridPowerAccounting.Validate(input.Power, reference.GridFactors);
        if (input.DistanceOffshoreKm < 0m)
        {
            errors.Add(new FieldError("distance_offshore_km", "must not be negative"));
        }
        if (input.WaterDepthM < 0m)
        {
            errors.Add(new FieldError("water_depth_m", "must not be negative"));
        }
        return errors;
    }
}
