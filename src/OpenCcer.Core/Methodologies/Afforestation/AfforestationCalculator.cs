using OpenCcer.Core.Methodologies.Forestry;

namespace OpenCcer.Core.Methodologies.Afforestation;

/// <summary>
/// CCER-14-001-V01 afforestation carbon sink: ΔC_net = ΔC_actual − ΔC_baseline − LK, tree carbon from
/// sample plots, with the sampling-uncertainty deduction. See <see cref="ForestryResult"/>.
/// </summary>
public sealed class AfforestationCalculator() : MethodologyCalculator<AfforestationInput>(MethodologyCode, Read, Calculate)
{
    public const string MethodologyCode = "CCER-14-001-V01";

    /// <summary>Smallest parcel from 2020 on; before 2020 the rule was one mu.</summary>
    public const decimal ParcelMinM2 = 400m;

    public const decimal ParcelMinBefore2020M2 = 667m;

    public const int YearsWithoutForestMin = 3;

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
        return CalculationOutcome.Decide(
            errors,
            () => CheckApplicability(input, reference.Info(MethodologyCode)),
            () => ForestryAccounting.Compute(MethodologyCode, input.Forest, reference.Species, sedimentRate: null));
    }

    private static AfforestationInput? Read(JsonFields root)
    {
        var forest = ForestryJson.Read(root);
        var land = root.Object("land") is { } l ? ReadLand(l) : null;
        return forest is null || land is null ? null : new AfforestationInput(forest, land);
    }

    private static AfforestationLand? ReadLand(JsonFields land)
    {
        var years = land.Int("years_without_forest_before_start", true, 0, 1000);
        var tenure = land.Bool("tenure_clear");
        var parcel = land.Decimal("smallest_parcel_m2", min: 0m);
        var wetland = land.Bool("wetland");
        var clears = land.Bool("clears_existing_trees");
        var economic = land.Bool("economic_forest");
        land.RejectUnknown();
        return years is null || tenure is null || parcel is null || wetland is null || clears is null || economic is null
            ? null
            : new AfforestationLand(years.Value, tenure.Value, parcel.Value, wetland.Value, clears.Value, economic.Value);
    }
}
