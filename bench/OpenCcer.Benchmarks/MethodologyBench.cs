using System.Diagnostics;
using System.Globalization;
using OpenCcer.Core.Methodologies;
using OpenCcer.Core.Methodologies.Afforestation;
using OpenCcer.Core.Methodologies.Forestry;
using OpenCcer.Core.Methodologies.GridPower;
using OpenCcer.Core.Methodologies.OffshoreWind;

namespace OpenCcer.Benchmarks;

/// <summary>
/// Calculations per second of the methodology calculators on two realistic inputs: ten years of
/// monthly meter readings (120 periods) and a forest inventory of 10,000 measured trees. Measured, not
/// asserted: a warm-up, then a timed loop of a few seconds per figure.
/// </summary>
public static class MethodologyBench
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Measure = TimeSpan.FromSeconds(3);

    public static void Run(TextWriter output)
    {
        var reference = MethodologyReferenceData.Shipped();
        var power = PowerInput();
        var forest = ForestInput();
        Check(OffshoreWindCalculator.Calculate(power, reference));
        Check(AfforestationCalculator.Calculate(forest, reference));

        output.WriteLine(Line("offshore wind, 120 monthly periods", Rate(() => OffshoreWindCalculator.Calculate(power, reference))));
        output.WriteLine(Line("afforestation, 10,000 trees", Rate(() => AfforestationCalculator.Calculate(forest, reference))));
    }

    private static double Rate(Func<CalculationOutcome> calculate)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < WarmUp)
        {
            calculate();
        }
        var count = 0L;
        clock.Restart();
        while (clock.Elapsed < Measure)
        {
            calculate();
            count++;
        }
        return count / clock.Elapsed.TotalSeconds;
    }

    private static string Line(string name, double perSecond) =>
        string.Create(CultureInfo.InvariantCulture, $"methodologies  {name,-36} {perSecond,12:N1} calculations/s");

    private static void Check(CalculationOutcome outcome)
    {
        if (outcome.Status != CalculationStatus.Ok)
        {
            throw new InvalidOperationException("Benchmark input is invalid: " + string.Join("; ", outcome.Errors));
        }
    }

    private static OffshoreWindInput PowerInput()
    {
        var random = new Random(20240101);
        var periods = new PowerPeriod[120];
        for (var i = 0; i < periods.Length; i++)
        {
            var start = new DateOnly(2022, 1, 1).AddMonths(i);
            periods[i] = new PowerPeriod(start, start.AddMonths(1).AddDays(-1),
                60_000m + (random.Next(0, 4_000_000) / 100m), random.Next(0, 50_000) / 100m,
                new MeterState(i % 7 == 0 ? "0.5S" : "0.2S", start.AddMonths(-random.Next(0, 15)), i % 3 == 0 ? random.Next(-20, 20) / 100m : null));
        }
        var crediting = new CreditingPeriod(new DateOnly(2022, 1, 1), new DateOnly(2031, 12, 31));
        return new OffshoreWindInput(new GridPowerInput(CalculationMode.ExPost, "North China", crediting, periods, null, GridPowerSettings.Default),
            35m, 20m, false);
    }

    private static AfforestationInput ForestInput()
    {
        var random = new Random(20250301);
        var trees = new List<TreeRecord>(10_000);
        for (var stratum = 0; stratum < 4; stratum++)
        {
            for (var plot = 0; plot < 25; plot++)
            {
                for (var tree = 0; tree < 100; tree++)
                {
                    trees.Add(new TreeRecord($"S{stratum}", 100m + (stratum * 50m), $"P{plot}", 667m,
                        stratum % 2 == 0 ? "chinese_fir" : "masson_pine", random.Next(40, 300) / 10m, random.Next(30, 200) / 10m));
                }
            }
        }
        var input = new ForestryInput(CalculationMode.ExPost, new DateOnly(2020, 1, 1),
            new CreditingPeriod(new DateOnly(2020, 1, 1), new DateOnly(2049, 12, 31)), null,
            new Inventory(new DateOnly(2025, 1, 1), trees), 0m, 0m, ForestrySettings.Default);
        return new AfforestationInput(input, new AfforestationLand(5, true, 1_000m, false, false, false));
    }
}
