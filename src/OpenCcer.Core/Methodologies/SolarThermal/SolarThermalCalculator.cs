using OpenCcer.Core.Methodologies.GridPower;

namespace OpenCcer.Core.Methodologies.SolarThermal;

/// <summary>
/// CCER-01-001-V01 grid-connected solar thermal power: ER_y = BE_y − PE_y, BE_y = EG_PJ,y × EF_grid,CM,y,
/// PE_y = Σ_i FC_i,y × NCV_i,y × CC_i,y × OF_i,y × 44/12 (fossil fuel for anti-freeze heating); leakage 0.
/// </summary>
public sealed class SolarThermalCalculator() : MethodologyCalculator<SolarThermalInput>(MethodologyCode, SolarThermalJson.Read, Calculate)
{
    public const string MethodologyCode = "CCER-01-001-V01";

    /// <summary>Every failed applicability condition; empty when the project qualifies.</summary>
    public static IReadOnlyList<FieldError> CheckApplicability(SolarThermalInput input, MethodologyInfo info)
    {
        var failures = new List<FieldError>();
        if (!input.OutputMeteredSeparately)
        {
            failures.Add(new FieldError("output_metered_separately", "solar thermal output must be metered separately"));
        }
        GridPowerAccounting.CheckApplicability(input.Power, input.TradesGreenCertificates, info, failures);
        return failures;
    }

    public static CalculationOutcome Calculate(SolarThermalInput input, MethodologyReferenceData reference)
    {
        var errors = GridPowerAccounting.Validate(input.Power, reference.GridFactors);
        ValidateFuel(input, reference.Fuels, errors);
        return CalculationOutcome.Decide(
            errors,
            () => CheckApplicability(input, reference.Info(MethodologyCode)),
            () => GridPowerAccounting.Result(MethodologyCode, input.Power, reference.GridFactors,
                input.Fuel.Select(f => FuelLine(f, reference.Fuels, input.Power.Settings)).ToArray(), noteNegativeReductions: true));
    }

    private static FuelLineResult FuelLine(FuelConsumption f, FuelDefaultTable fuels, GridPowerSettings settings)
    {
        var defaults = fuels.Find(f.Fuel) ?? throw new InvalidOperationException($"Unknown fuel {f.Fuel}; inputs are validated first.");
        var correction = MeterCorrection.For(f.Meter, f.End, settings.CalibrationValidityMonths);
        var quantity = f.Quantity * (1m + correction.ErrorFraction);
        var ncv = f.NcvGjPerUnit ?? defaults.NcvGjPerUnit;
        var cc = f.CarbonContentTcPerGj ?? defaults.CarbonContentTcPerGj;
        var of = f.OxidationFactor ?? defaults.OxidationFactor;
        var measured = f.NcvGjPerUnit is not null || f.CarbonContentTcPerGj is not null || f.OxidationFactor is not null;
        // Multiply by 44 before dividing by 12 so the molar-mass ratio adds no rounding of its own.
        var emissions = quantity * ncv * cc * of * 44m / 12m;
        return new FuelLineResult(f.Start, f.End, defaults.Fuel, defaults.Unit, f.Quantity, correction, quantity,
            ncv, cc, of, measured ? "measured" : "default", emissions);
    }

    private static void ValidateFuel(SolarThermalInput input, FuelDefaultTable fuels, List<FieldError> errors)
    {
        for (var i = 0; i < input.Fuel.Count; i++)
        {
            var f = input.Fuel[i];
            var at = $"fuel[{i}]";
            if (fuels.Find(f.Fuel) is not { } defaults)
            {
                errors.Add(new FieldError($"{at}.fuel", $"unknown fuel '{f.Fuel}'; known fuels: {string.Join(", ", fuels.Rows.Select(r => r.Fuel))}"));
            }
            else if (!string.Equals(f.Unit, defaults.Unit, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add(new FieldError($"{at}.unit", $"{defaults.Fuel} is measured in '{defaults.Unit}', not '{f.Unit}'"));
            }
            if (f.End < f.Start)
            {
                errors.Add(new FieldError($"{at}.end", "must not be before start"));
            }
            if (f.Quantity < 0m)
            {
                errors.Add(new FieldError($"{at}.quantity", "must not be negative"));
            }
            if (f.NcvGjPerUnit <= 0m || f.CarbonContentTcPerGj <= 0m || f.OxidationFactor is <= 0m or > 1m)
            {
                errors.Add(new FieldError(at, "measured NCV and carbon content must be positive and the oxidation factor in (0, 1]"));
            }
            GridPowerAccounting.ValidateMeter(f.Meter, input.Power.Mode, at, errors);
        }
    }
}
