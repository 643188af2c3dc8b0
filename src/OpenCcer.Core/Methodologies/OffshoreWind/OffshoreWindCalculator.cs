using System.Text.Json;
using OpenCcer.Core.Methodologies.GridPower;

namespace OpenCcer.Core.Methodologies.OffshoreWind;

/// <summary>
/// CCER-01-002-V01 grid-connected offshore wind: ER_y = BE_y = EG_PJ,y × EF_grid,CM,y; PE_y = 0 and
/// leakage 0. Applies only beyond 30 km offshore or in water deeper than 30 m (CONFIGURABLE limits).
/// </summary>
public sealed class OffshoreWindCalculator : IMethodologyCalculator
{
    public const string MethodologyCode = "CCER-01-002-V01";

    public string Code => MethodologyCode;

    public CalculationOutcome CalculateJson(JsonElement input, MethodologyReferenceData reference)
    {
        var read = OffshoreWindJson.Read(input);
        return read.Input is null ? CalculationOutcome.Invalid(read.Errors) : Calculate(read.Input, reference);
    }

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
        if (input.TradesGreenCertificates)
        {
            failures.Add(new FieldError("trades_green_certificates", "a project that trades green electricity certificates may not apply"));
        }
        failures.AddRange(GridPowerAccounting.Applicability(input.Power, info));
        return failures;
    }

    public static CalculationOutcome Calculate(OffshoreWindInput input, MethodologyReferenceData reference)
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
        if (errors.Count > 0)
        {
            return CalculationOutcome.Invalid(errors);
        }
        var failures = CheckApplicability(input, reference.Info(MethodologyCode));
        if (failures.Count > 0)
        {
            return CalculationOutcome.NotApplicable(failures);
        }

        var periods = GridPowerAccounting.Baseline(input.Power, reference.GridFactors);
        var baseline = periods.Sum(p => p.BaselineTco2);
        const decimal projectEmissions = 0m;
        const decimal leakage = 0m;
        var reductions = baseline - projectEmissions - leakage;
        var factors = periods.Select(p => p.Factor).Distinct().ToArray();
        return CalculationOutcome.Success(new GridPowerResult(
            MethodologyCode, input.Power.Mode, input.Power.Grid, periods, factors,
            periods.Sum(p => p.ExportMwh), periods.Sum(p => p.ExportCorrectedMwh),
            periods.Sum(p => p.ImportMwh), periods.Sum(p => p.ImportCorrectedMwh),
            periods.Sum(p => p.NetExportMwh), baseline, [], projectEmissions, leakage, reductions,
            RoundingStep.ToWholeTonnes(reductions, input.Power.Settings.Rounding),
            GridPowerAccounting.FactorNotes(factors)));
    }
}
