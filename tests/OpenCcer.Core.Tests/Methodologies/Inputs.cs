using OpenCcer.Core.Methodologies;
using OpenCcer.Core.Methodologies.Afforestation;
using OpenCcer.Core.Methodologies.Forestry;
using OpenCcer.Core.Methodologies.GridPower;
using OpenCcer.Core.Methodologies.OffshoreWind;

namespace OpenCcer.Core.Tests.Methodologies;

/// <summary>Builders of valid typed inputs that tests then vary one field at a time.</summary>
internal static class Inputs
{
    internal static readonly MethodologyReferenceData Reference = MethodologyReferenceData.Shipped();

    internal static readonly CreditingPeriod PowerCrediting = new(new DateOnly(2021, 12, 16), new DateOnly(2031, 12, 15));

    internal static PowerPeriod Month(int year, int month, decimal export, decimal import, MeterState? meter = null) =>
        new(new DateOnly(year, month, 1), new DateOnly(year, month, DateTime.DaysInMonth(year, month)), export, import,
            meter ?? new MeterState("0.2S", new DateOnly(year, 1, 1), null));

    internal static OffshoreWindInput Wind(IReadOnlyList<PowerPeriod> periods, string grid = "North China",
        EmissionFactorOverride? factorOverride = null, CalculationMode mode = CalculationMode.ExPost) =>
        new(new GridPowerInput(mode, grid, PowerCrediting, periods, factorOverride, GridPowerSettings.Default), 35m, 20m, false);

    internal static AfforestationLand Land => new(5, true, 800m, false, false, false);

    internal static IReadOnlyList<TreeRecord> Plots(decimal stratumAreaHa, decimal plotAreaM2, params decimal[] dbhPerPlot) =>
        dbhPerPlot.SelectMany((dbh, i) => new[]
        {
            new TreeRecord("S1", stratumAreaHa, $"P{i}", plotAreaM2, "chinese_fir", dbh, dbh * 0.8m),
            new TreeRecord("S1", stratumAreaHa, $"P{i}", plotAreaM2, "masson_pine", dbh + 1m, dbh * 0.7m),
        }).ToArray();

    internal static AfforestationInput Forest(IReadOnlyList<TreeRecord> current, IReadOnlyList<TreeRecord>? previous = null) =>
        new(new ForestryInput(CalculationMode.ExPost, new DateOnly(2021, 1, 1),
                new CreditingPeriod(new DateOnly(2021, 1, 1), new DateOnly(2050, 12, 31)),
                previous is null ? null : new Inventory(new DateOnly(2022, 1, 1), previous),
                new Inventory(new DateOnly(2025, 1, 1), current), 0m, 0m, ForestrySettings.Default),
            Land);
}
