using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenCcer.Core.Methodologies;

namespace OpenCcer.Core.Tests.Methodologies;

/// <summary>
/// Worked examples stored as data: each <c>Golden/*.input.json</c> is run through the calculator its
/// <c>*.expected.json</c> names, and every listed intermediate value is compared. The expected files
/// are computed independently by <c>Golden/compute_expected.py</c>.
/// </summary>
public sealed class GoldenTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Methodologies", "Golden");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var name in Names())
        {
            data.Add(name);
        }
        return data;
    }

    private static IEnumerable<string> Names() =>
        Directory.GetFiles(Folder, "*.input.json").Order(StringComparer.Ordinal)
            .Select(file => Path.GetFileName(file)[..^".input.json".Length]);

    [Fact]
    public void there_are_at_least_three_worked_examples_per_methodology()
    {
        var codes = Names().Select(n => Expected(n)["methodology"]!.GetValue<string>()).GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(4, codes.Count);
        Assert.All(codes.Values, n => Assert.True(n >= 3));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void golden_case_matches_its_independently_computed_expectation(string name)
    {
        var expected = Expected(name);
        using var input = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, name + ".input.json")));
        var outcome = MethodologyCalculators.Calculate(expected["methodology"]!.GetValue<string>(), input.RootElement,
            MethodologyReferenceData.Shipped());

        var status = expected["status"]!.GetValue<string>();
        Assert.True(status == (outcome.Status == CalculationStatus.Ok ? "ok" : outcome.Status == CalculationStatus.NotApplicable ? "not_applicable" : "other"),
            $"{name}: status {outcome.Status}; errors: {string.Join("; ", outcome.Errors)}");

        foreach (var field in expected["error_fields"]?.AsArray() ?? [])
        {
            Assert.Contains(outcome.Errors, e => e.Field == field!.GetValue<string>());
        }
        if (outcome.Result is not { } result)
        {
            return;
        }
        Assert.Equal(expected["reductions_tonnes"]!.GetValue<long>(), result.Reductions.Value);
        var json = JsonNode.Parse(MethodologyJson.Serialize(result))!;
        foreach (var (path, value) in expected["values"]!.AsObject())
        {
            var actual = decimal.Parse(Navigate(json, path)!.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
            var want = value!.GetValueKind() == JsonValueKind.String
                ? decimal.Parse(value.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture)
                : value.GetValue<decimal>();
            var tolerance = 0.000000000001m * Math.Max(1m, Math.Abs(want));
            Assert.True(Math.Abs(actual - want) <= tolerance, $"{name}: {path} is {actual}, expected {want}");
        }
        foreach (var note in expected["notes_contain"]?.AsArray() ?? [])
        {
            Assert.Contains(result.Notes, n => n.Contains(note!.GetValue<string>(), StringComparison.Ordinal));
        }
    }

    private static JsonNode Expected(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, name + ".expected.json")))!;

    private static JsonNode? Navigate(JsonNode root, string path)
    {
        var node = root;
        foreach (var part in path.Split('.'))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? part : part[..bracket];
            node = node?[name];
            if (bracket >= 0)
            {
                node = node?[int.Parse(part[(bracket + 1)..^1], CultureInfo.InvariantCulture)];
            }
        }
        return node ?? throw new InvalidOperationException($"No value at {path}.");
    }
}
