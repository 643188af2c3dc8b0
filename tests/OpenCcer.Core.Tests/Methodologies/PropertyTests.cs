using CsCheck;
using OpenCcer.Core.Methodologies;
using OpenCcer.Core.Methodologies.Afforestation;
using OpenCcer.Core.Methodologies.Forestry;
using OpenCcer.Core.Methodologies.GridPower;
using OpenCcer.Core.Methodologies.OffshoreWind;
using OpenCcer.Core.Methodologies.SolarThermal;

namespace OpenCcer.Core.Tests.Methodologies;

public sealed class PropertyTests
{
    private static readonly Gen<decimal> Energy = Gen.Decimal[0m, 200_000m].Select(d => decimal.Round(d, 3));
    private static readonly Gen<decimal> ErrorPercent = Gen.Decimal[0m, 2m].Select(d => decimal.Round(d, 3));

    private static readonly Gen<PowerPeriod[]> Months =
        Gen.Select(Energy, Gen.Decimal[0m, 5_000m], ErrorPercent, Gen.Int[0, 3])
            .Array[1, 24]
            .Select(rows => rows.Select((r, i) => new PowerPeriod(
                new DateOnly(2024 + (i / 12), (i % 12) + 1, 1),
                new DateOnly(2024 + (i / 12), (i % 12) + 1, 1).AddMonths(1).AddDays(-1),
                r.Item1, decimal.Round(r.Item2, 3),
                r.Item4 switch
                {
                    0 => new MeterState("0.2S", new DateOnly(2024, 1, 1), r.Item3),
                    1 => new MeterState("0.5", null, null),
                    2 => new MeterState("0.5S", new DateOnly(2020, 1, 1), r.Item3),
                    _ => new MeterState("0.2", new DateOnly(2024, 1, 1), null),
                })).ToArray());

    [Fact]
    public void power_reductions_are_never_negative_even_when_imports_and_fuel_exceed_exports()
    {
        Gen.Select(Months, Gen.Decimal[0m, 50_000m]).Sample(t =>
        {
            var (periods, diesel) = t;
            var power = new GridPowerInput(CalculationMode.ExPost, "Northwest", new CreditingPeriod(new(2024, 1, 1), new(2033, 12, 31)),
                periods, null, GridPowerSettings.Default);
            var fuel = new FuelConsumption(new(2024, 1, 1), new(2024, 1, 31), "diesel", decimal.Round(diesel, 3), "t",
                new MeterState("0.5", null, null), null, null, null);
            var solar = SolarThermalCalculator.Calculate(new SolarThermalInput(power, [fuel], true, false), Inputs.Reference);
            var wind = OffshoreWindCalculator.Calculate(new OffshoreWindInput(power, 40m, 10m, false), Inputs.Reference);
            Assert.True(solar.Result!.Reductions.Value >= 0, $"solar {solar.Result.Reductions}");
            Assert.True(wind.Result!.Reductions.Value >= 0, $"wind {wind.Result.Reductions}");
        }, iter: 300);
    }

    [Fact]
    public void raising_a_meter_error_never_raises_the_reductions()
    {
        Gen.Select(Months, Gen.Int[0, 23], Gen.Decimal[0.001m, 5m]).Sample(t =>
        {
            var (periods, pick, raise) = t;
            var index = pick % periods.Length;
            var before = periods[index];
            var meter = before.Meter!;
            var raised = periods.ToArray();
            raised[index] = before with { Meter = meter with { MeasuredErrorPercent = Math.Abs(meter.MeasuredErrorPercent ?? 0m) + decimal.Round(raise, 3) } };

            var low = Wind(periods);
            var high = Wind(raised);

            Assert.True(high.ReductionsTco2 <= low.ReductionsTco2, $"{high.ReductionsTco2} > {low.ReductionsTco2}");
            Assert.True(high.Reductions <= low.Reductions);
        }, iter: 300);
    }

    [Fact]
    public void doubling_every_stratum_area_doubles_the_forest_stock_change()
    {
        ForestCases.Sample(trees =>
        {
            var once = Afforest(trees, 1m, 1m);
            var twice = Afforest(trees, 2m, 1m);
            AssertClose(2m * once.ActualStockChangeTco2e, twice.ActualStockChangeTco2e);
            AssertClose(2m * once.NetTco2e, twice.NetTco2e);
            Assert.Equal(once.Uncertainty!.DeductionFraction, twice.Uncertainty!.DeductionFraction, 20);
        }, iter: 100);
    }

    [Fact]
    public void doubling_every_plot_area_with_the_same_trees_halves_the_density_and_the_stock_change()
    {
        ForestCases.Sample(trees =>
        {
            var once = Afforest(trees, 1m, 1m);
            var doubledPlots = Afforest(trees, 1m, 2m);
            AssertClose(once.ActualStockChangeTco2e, 2m * doubledPlots.ActualStockChangeTco2e);
        }, iter: 100);
    }

    [Fact]
    public void forest_units_are_never_negative_even_when_the_stock_falls()
    {
        ForestCases.Sample(trees =>
        {
            var shrunk = trees.Select(t => t with { DbhCm = t.DbhCm / 2m, HeightM = t.HeightM / 2m }).ToArray();
            var input = Inputs.Forest(shrunk, previous: trees);
            var outcome = AfforestationCalculator.Calculate(input, Inputs.Reference);
            var result = (ForestryResult)outcome.Result!;
            Assert.True(result.NetTco2e < 0m);
            Assert.Equal(0L, result.Reductions.Value);
            Assert.True(result.Rounding.NetNegative);
        }, iter: 50);
    }

    private static readonly Gen<TreeRecord[]> ForestCases =
        Gen.Select(Gen.Int[0, 2], Gen.Int[0, 5], Gen.Decimal[2m, 40m], Gen.Decimal[1.5m, 25m])
            .Array[4, 40]
            .Select(rows => rows.Select((r, i) => new TreeRecord(
                r.Item1 == 0 ? "A" : "B", r.Item1 == 0 ? 120m : 45.5m,
                $"P{(r.Item2 % 3) + (i < 6 ? i % 3 : 0)}", r.Item1 == 0 ? 600m : 400m,
                r.Item2 % 2 == 0 ? "chinese_fir" : "masson_pine", decimal.Round(r.Item3, 1), decimal.Round(r.Item4, 1))).ToArray())
            .Where(trees => trees.GroupBy(t => t.Stratum).All(s => s.Select(t => t.Plot).Distinct().Count() >= 2));

    private static GridPowerResult Wind(PowerPeriod[] periods) =>
        (GridPowerResult)OffshoreWindCalculator.Calculate(new OffshoreWindInput(
            new GridPowerInput(CalculationMode.ExPost, "North China", new CreditingPeriod(new(2024, 1, 1), new(2033, 12, 31)),
                periods, null, GridPowerSettings.Default), 40m, 10m, false), Inputs.Reference).Result!;

    private static ForestryResult Afforest(TreeRecord[] trees, decimal stratumScale, decimal plotScale)
    {
        var scaled = trees.Select(t => t with { StratumAreaHa = t.StratumAreaHa * stratumScale, PlotAreaM2 = t.PlotAreaM2 * plotScale }).ToArray();
        var outcome = AfforestationCalculator.Calculate(Inputs.Forest(scaled), Inputs.Reference);
        return Assert.IsType<ForestryResult>(outcome.Result);
    }

    private static void AssertClose(decimal expected, decimal actual) =>
        Assert.True(Math.Abs(expected - actual) <= 0.000000000001m * Math.Max(1m, Math.Abs(expected)), $"{actual} is not {expected}");
}
