using OpenCcer.Core.Methodologies;
using OpenCcer.Core.Methodologies.GridPower;
using OpenCcer.Core.Methodologies.OffshoreWind;

namespace OpenCcer.Core.Tests.Methodologies;

public sealed class OffshoreWindTests
{
    [Fact]
    public void shandong_net_export_with_combined_margin_0_6186_gives_497169_tonnes_with_every_intermediate_value()
    {
        var input = Inputs.Wind([new PowerPeriod(new(2024, 1, 1), new(2024, 12, 31), 803_701m, 0m, null)],
            factorOverride: new EmissionFactorOverride(null, null, 0.6186m), mode: CalculationMode.ExAnte);

        var outcome = OffshoreWindCalculator.Calculate(input, Inputs.Reference);

        var result = Assert.IsType<GridPowerResult>(outcome.Result);
        Assert.Equal(497_169L, result.Reductions.Value);
        Assert.Equal(803_701m, result.NetExportMwh);
        Assert.Equal(0.6186m, Assert.Single(result.FactorsUsed).CombinedMarginTco2PerMwh);
        Assert.Equal("override", result.FactorsUsed[0].Source);
        Assert.Equal(497_169.4386m, result.BaselineTco2);
        Assert.Equal(0m, result.ProjectEmissionsTco2);
        Assert.Equal(0m, result.LeakageTco2);
        Assert.Equal(497_169.4386m, result.Rounding.NetTco2e);
        Assert.Equal(RoundingRule.Down, result.Rounding.Rule);
        Assert.Contains("round down", result.Rounding.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void half_up_rounding_is_configurable()
    {
        var input = Inputs.Wind([new PowerPeriod(new(2024, 1, 1), new(2024, 12, 31), 803_701m, 0m, null)],
            factorOverride: new EmissionFactorOverride(null, null, 0.6186m), mode: CalculationMode.ExAnte);
        input = input with { Power = input.Power with { Settings = GridPowerSettings.Default with { Rounding = RoundingRule.HalfUp } } };

        Assert.Equal(497_169L, OffshoreWindCalculator.Calculate(input, Inputs.Reference).Result!.Reductions.Value);
    }

    [Fact]
    public void combined_margin_is_half_operating_plus_half_build_margin_from_the_table()
    {
        var input = Inputs.Wind([Inputs.Month(2019, 6, 1000m, 0m)]);
        input = input with { Power = input.Power with { CreditingPeriod = new CreditingPeriod(new(2019, 1, 1), new(2028, 12, 31)) } };

        var outcome = OffshoreWindCalculator.Calculate(input, Inputs.Reference);

        var factor = Assert.Single(((GridPowerResult)outcome.Result!).FactorsUsed);
        Assert.Equal((0.5m * 0.9419m) + (0.5m * 0.4819m), factor.CombinedMarginTco2PerMwh);
        Assert.Equal(2019, factor.Row!.Year);
        Assert.False(factor.FellBackToEarlierYear);
        Assert.Equal("unverified", factor.Row.Status);
    }

    [Fact]
    public void a_later_year_falls_back_to_the_latest_published_year_and_says_so()
    {
        var outcome = OffshoreWindCalculator.Calculate(Inputs.Wind([Inputs.Month(2024, 6, 1000m, 0m)]), Inputs.Reference);

        var result = (GridPowerResult)outcome.Result!;
        Assert.True(result.FactorsUsed[0].FellBackToEarlierYear);
        Assert.Equal(2024, result.FactorsUsed[0].RequestedYear);
        Assert.Contains(result.Notes, n => n.Contains("2024", StringComparison.Ordinal) && n.Contains("2019", StringComparison.Ordinal));
    }

    [Fact]
    public void applicability_reports_every_failed_condition_not_just_the_first()
    {
        var input = Inputs.Wind([Inputs.Month(2024, 1, 1000m, 0m, new MeterState("1.0", new(2024, 1, 1), null))]) with
        {
            DistanceOffshoreKm = 10m,
            WaterDepthM = 12m,
            TradesGreenCertificates = true,
        };

        var failures = OffshoreWindCalculator.CheckApplicability(input, Inputs.Reference.Catalogue.Find("CCER-01-002-V01")!);

        Assert.Equal(["distance_offshore_km", "trades_green_certificates", "periods[0].meter_class"], failures.Select(f => f.Field));
        Assert.Equal(CalculationStatus.NotApplicable, OffshoreWindCalculator.Calculate(input, Inputs.Reference).Status);
    }

    [Fact]
    public void deep_water_alone_makes_a_near_shore_farm_applicable()
    {
        var input = Inputs.Wind([Inputs.Month(2024, 1, 1000m, 0m)]) with { DistanceOffshoreKm = 12m, WaterDepthM = 31m };

        Assert.Empty(OffshoreWindCalculator.CheckApplicability(input, Inputs.Reference.Catalogue.Find("CCER-01-002-V01")!));
    }

    [Fact]
    public void crediting_period_longer_than_ten_years_is_not_applicable()
    {
        var input = Inputs.Wind([Inputs.Month(2024, 1, 1000m, 0m)]);
        input = input with { Power = input.Power with { CreditingPeriod = new CreditingPeriod(new(2021, 1, 1), new(2031, 1, 1)) } };

        var outcome = OffshoreWindCalculator.Calculate(input, Inputs.Reference);

        Assert.Equal(CalculationStatus.NotApplicable, outcome.Status);
        Assert.Contains(outcome.Errors, e => e.Field == "crediting_period");
    }

    [Theory]
    [InlineData("Atlantis", 2024, 1000, 0, "grid")]
    [InlineData("North China", 2018, 1000, 0, "periods[0].start")]
    [InlineData("North China", 1999, 1000, 0, "periods[0].start")]
    [InlineData("North China", 2024, -1, 0, "periods[0].export_mwh")]
    [InlineData("North China", 2024, 1000, -5, "periods[0].import_mwh")]
    public void bad_input_names_the_field(string grid, int year, int export, int import, string field)
    {
        var input = Inputs.Wind([Inputs.Month(year, 1, export, import)], grid);
        input = input with { Power = input.Power with { CreditingPeriod = new CreditingPeriod(new(1990, 1, 1), new(1999, 12, 31)) } };

        var outcome = OffshoreWindCalculator.Calculate(input, Inputs.Reference);

        Assert.Equal(CalculationStatus.InvalidInput, outcome.Status);
        Assert.Contains(outcome.Errors, e => e.Field == field);
    }

    [Fact]
    public void grid_can_be_named_in_chinese()
    {
        Assert.Equal(CalculationStatus.Ok, OffshoreWindCalculator.Calculate(Inputs.Wind([Inputs.Month(2024, 1, 10m, 0m)], "华北"), Inputs.Reference).Status);
    }
}
