using OpenCcer.Core.Methodologies;
using OpenCcer.Core.Methodologies.Afforestation;
using OpenCcer.Core.Methodologies.Forestry;

namespace OpenCcer.Core.Tests.Methodologies;

public sealed class ForestryTests
{
    [Fact]
    public void afforestation_applicability_reports_every_failed_condition()
    {
        var input = Inputs.Forest(Inputs.Plots(100m, 600m, 10m, 12m)) with { Land = new AfforestationLand(2, false, 500m, true, true, true) };

        var failures = AfforestationCalculator.CheckApplicability(input, Inputs.Reference.Catalogue.Find(AfforestationCalculator.MethodologyCode)!);

        Assert.Equal(
            ["land.years_without_forest_before_start", "land.tenure_clear", "land.wetland", "land.clears_existing_trees", "land.economic_forest"],
            failures.Select(f => f.Field));
    }

    [Theory]
    [InlineData(2019, 600, true)]
    [InlineData(2020, 600, false)]
    [InlineData(2020, 399, true)]
    public void parcels_must_be_one_mu_before_2020_and_400_square_metres_after(int startYear, int parcel, bool fails)
    {
        var input = Inputs.Forest(Inputs.Plots(100m, 600m, 10m, 12m));
        input = input with
        {
            Land = input.Land with { SmallestParcelM2 = parcel },
            Forest = input.Forest with { ProjectStart = new DateOnly(startYear, 1, 1) },
        };

        var failures = AfforestationCalculator.CheckApplicability(input, Inputs.Reference.Catalogue.Find(AfforestationCalculator.MethodologyCode)!);

        Assert.Equal(fails, failures.Any(f => f.Field == "land.smallest_parcel_m2"));
    }

    [Fact]
    public void unknown_species_and_single_plot_strata_name_their_fields()
    {
        var trees = new[] { new TreeRecord("S1", 10m, "P1", 600m, "oak_of_mars", 10m, 8m) };

        var outcome = AfforestationCalculator.Calculate(Inputs.Forest(trees), Inputs.Reference);

        Assert.Equal(CalculationStatus.InvalidInput, outcome.Status);
        Assert.Equal(["current.trees[0].species", "current.trees"], outcome.Errors.Select(e => e.Field));
    }

    [Fact]
    public void volume_biomass_is_volume_times_density_times_bef_times_one_plus_root_shoot()
    {
        var fir = Inputs.Reference.Species.Find("杉木")!;
        var volume = 0.000058777042m * DecimalMath.Pow(10m, 1.9699831m) * DecimalMath.Pow(8m, 0.89646157m);

        Assert.Equal(volume * 0.307m * 1.634m * 1.246m, CarbonStock.BiomassT(fir, 10m, 8m));
    }

    [Theory]
    [InlineData(2, 0.5, 1.41421356237309504880168872)]
    [InlineData(10, 2.46, 288.403150312660573383)]
    [InlineData(0.5, 3, 0.125)]
    public void decimal_power_matches_known_values(decimal x, decimal y, decimal expected)
    {
        Assert.True(Math.Abs(DecimalMath.Pow(x, y) - expected) < 0.0000000000001m * expected);
    }
}
