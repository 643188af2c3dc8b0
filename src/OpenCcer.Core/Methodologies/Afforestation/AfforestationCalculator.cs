using System.Text.Json;
using OpenCcer.Core.Methodologies.Forestry;

namespace OpenCcer.Core.Methodologies.Afforestation;

/// <summary>
/// CCER-14-001-V01 afforestation carbon sink: ΔC_net = ΔC_actual − ΔC_baseline − LK, tree carbon from
/// sample plots, with the sampling-uncertainty deduction. See <see cref="ForestryResult"/>.
/// </summary>
public sealed class AfforestationCalculator : IMethodologyCalculator
{
    public const string MethodologyCode = "CCER-14-001-V01";

    /// <summary>Smallest parcel from 2020 on; before 2020 the rule was one mu.</summary>
    public const decimal ParcelMinM2 = 400m;

    public const decimal ParcelMinBefore2020M2 = 667m;

    public const int YearsWithoutForestMin = 3;

    public string Code => MethodologyCode;

    public CalculationOutcome CalculateJson(JsonElement input, MethodologyReferenceData reference)
    {
        var errors = new List<FieldError>();
        if (JsonFields.Root(input, errors) is not { } root)
        {
            return CalculationOutcome.Invalid(errors);
        }
        var forest = ForestryJson.Read(root);
        AfforestationLand? land = null;
        if (root.Object("land") is { } l)
        {
            var years = l.Int("years_without_forest_before_start", true, 0, 1000);
            var tenure = l.Bool("tenure_clear");
            var parcel = l.Decimal("smallest_parcel_m2", min: 0m);
            var wetland = l.Bool("wetland");
            var clears = l.Bool("clears_existing_trees");
            var economic = l.Bool("economic_forest");
            l.RejectUnknown();
            if (years is not null && tenure is not null && parcel is not null && wetland is not null && clears is not null && economic is not null)
            {
                land = new AfforestationLand(years.Value, tenure.Value, parcel.Value, wetland.Value, clears.Value, economic.Value);
            }
        }
        root.RejectUnknown();
        return errors.Count > 0 || forest is null || land is null
            ? CalculationOutcome.Invalid(errors)
            : Calculate(new AfforestationInput(forest, land), reference);
    }

    /// <summary>Every failed applicability condition; empty when the project qualifies.</summary>
    public static IReadOnlyList<FieldError> CheckApplicability(AfforestationInput input, MethodologyInfo info)
    {
        var failures = new List<FieldError>();
        var land = input.Land;
        if (land.YearsWithoutForestBeforeStart < YearsWithoutForestMin)
        {
            failures.Add(new FieldError("land.years_without_forest_before_start", $"the land must have been without forest for at least {YearsWithoutForestMin} years before the start"));
        }
        if (!land.TenureClear)
        {
            failures.Add(new FieldError("land.tenure_clear", "land tenure must be clear"));
        }
        var parcelMin = input.Forest.ProjectStart.Year < 2020 ? ParcelMinBefore2020M2 : ParcelMinM2;
        if (land.SmallestParcelM2 < parcelMin)
        {
            failures.Add(new FieldError("land.smallest_parcel_m2", $"every parcel must be at least {parcelMin} m² for a project starting in {input.Forest.ProjectStart.Year}"));
        }
        if (land.Wetland)
        {
            failures.Add(new FieldError("land.wetland", "planting on wetland is not afforestation under this methodology"));
        }
        if (land.ClearsExistingTrees)
        {
            failures.Add(new FieldError("land.clears_existing_trees", "the project may not clear existing trees"));
        }
        if (land.EconomicForest)
        {
            failures.Add(new FieldError("land.economic_forest", "economic forests are excluded"));
        }
        ForestryAccounting.CheckCrediting(input.Forest, info, failures);
        return failures;
    }

    public static CalculationOutcome Calculate(AfforestationInput input, MethodologyReferenceData reference)
    {
        var errors = ForestryAccounting.Validate(input.Forest, reference.Species);
        if (input.Land.SmallestParcelM2 < 0m)
        {
            errors.Add(new FieldError("land.smallest_parcel_m2", "must not be negative"));
        }
        if (errors.Count > 0)
        {
            return CalculationOutcome.Invalid(errors);
        }
        var failures = CheckApplicability(input, reference.Info(MethodologyCode));
        return failures.Count > 0
            ? CalculationOutcome.NotApplicable(failures)
            : CalculationOutcome.Success(ForestryAccounting.Compute(MethodologyCode, input.Forest, reference.Species, sedimentRate: null));
    }
}
