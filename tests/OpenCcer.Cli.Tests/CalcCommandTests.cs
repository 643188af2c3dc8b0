using System.CommandLine;
using System.Text.Json;

namespace OpenCcer.Cli.Tests;

public sealed class CalcCommandTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("ccer-calc-");

    private const string Shandong = """
        {"mode":"ex_ante","grid":"North China","distance_offshore_km":35,"water_depth_m":28,
         "emission_factor_override":{"combined_margin_tco2_per_mwh":0.6186},
         "year":2024,"expected_annual_export_mwh":803701}
        """;

    public void Dispose() => folder.Delete(recursive: true);

    [Fact]
    public void calc_prints_the_result_as_json_by_default_and_exits_zero()
    {
        var (exit, output, error) = Invoke("calc", "CCER-01-002-V01", "--input", Write("in.json", Shandong));

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(497_169, json.RootElement.GetProperty("reductions").GetInt64());
        Assert.Equal(497_169.4386m, json.RootElement.GetProperty("baseline_tco2").GetDecimal());
        Assert.Equal("down", json.RootElement.GetProperty("rounding").GetProperty("rule").GetString());
    }

    [Fact]
    public void table_format_aligns_names_and_values()
    {
        var (exit, output, _) = Invoke("calc", "CCER-01-002-V01", "--input", Write("in.json", Shandong), "--format", "table");

        Assert.Equal(0, exit);
        var lines = output.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("reductions (t)", StringComparison.Ordinal) && l.EndsWith("497,169", StringComparison.Ordinal));
        var valueColumns = lines.TakeWhile(l => l.Length > 0).Select(l => l.IndexOf("  ", StringComparison.Ordinal) + 2 + l[(l.IndexOf("  ", StringComparison.Ordinal) + 2)..].TakeWhile(c => c == ' ').Count()).Distinct();
        Assert.Single(valueColumns);
    }

    [Theory]
    [InlineData("CCER-99-999-V01", """{"grid":"North China"}""", "code")]
    [InlineData("CCER-01-002-V01", """{"mode":"ex_ante","grid":"Atlantis","distance_offshore_km":35,"water_depth_m":28,"year":2024,"expected_annual_export_mwh":1}""", "grid")]
    [InlineData("CCER-01-002-V01", """{"mode":"ex_ante","grid":"North China","distance_offshore_km":35,"water_depth_m":28,"year":2024,"expected_annual_export_mwh":-1}""", "expected_annual_export_mwh")]
    [InlineData("CCER-01-002-V01", """{"mode":"ex_ante","grid":"North China","distance_offshore_km":35,"water_depth_m":28,"year":1850,"expected_annual_export_mwh":1}""", "year")]
    [InlineData("CCER-01-002-V01", """{"mode":"ex_ante","grid":"North China","distance_offshore_km":35,"water_depth_m":28,"year":2024,"expected_annual_export_kwh":1}""", "expected_annual_export_kwh")]
    [InlineData("CCER-01-002-V01", """{"mode":"ex_ante","grid":"North China",""", "--input")]
    public void bad_input_names_the_field_on_stderr_and_exits_two(string code, string json, string field)
    {
        var (exit, output, error) = Invoke("calc", code, "--input", Write("bad.json", json));

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains($"  {field}:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void a_project_that_fails_applicability_exits_three_listing_every_condition()
    {
        var json = Shandong.Replace("\"distance_offshore_km\":35", "\"distance_offshore_km\":10,\"trades_green_certificates\":true", StringComparison.Ordinal);

        var (exit, _, error) = Invoke("calc", "CCER-01-002-V01", "--input", Write("na.json", json));

        Assert.Equal(3, exit);
        Assert.Contains("distance_offshore_km:", error, StringComparison.Ordinal);
        Assert.Contains("trades_green_certificates:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void meter_csv_with_a_project_file_is_calculated()
    {
        var csv = Write("meters.csv", """
            period_start,period_end,export_mwh,import_mwh,meter_class,calibration_date,measured_error_percent
            2024-01-01,2024-01-31,1000,0,0.2S,2023-06-01,
            2024-02-01,2024-02-29,2000,0,0.2S,2023-06-01,
            """);
        var project = Write("project.json", """
            {"grid":"North China","distance_offshore_km":35,"water_depth_m":28,
             "crediting_period":{"start":"2023-01-01","end":"2032-12-31"},
             "emission_factor_override":{"om_tco2_per_mwh":0.8,"bm_tco2_per_mwh":0.4}}
            """);

        var (exit, output, error) = Invoke("calc", "CCER-01-002-V01", "--input", csv, "--project", project);

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(1_800, json.RootElement.GetProperty("reductions").GetInt64());
    }

    [Fact]
    public void a_bad_csv_row_is_reported_with_its_line_and_nothing_is_calculated()
    {
        var csv = Write("plots.csv", """
            stratum,stratum_area_ha,plot,plot_area_m2,species,dbh_cm,height_m
            S1,100,P1,600,chinese_fir,10,8
            S1,100,P2,600,chinese_fir,-10,8
            """);
        var project = Write("project.json", """{"project_start":"2021-01-01","current":{"date":"2025-01-01"}}""");

        var (exit, output, error) = Invoke("calc", "CCER-14-001-V01", "--input", csv, "--project", project);

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("plots.csv line 3: dbh_cm:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void missing_input_option_is_bad_input()
    {
        var (exit, _, error) = Invoke("calc", "CCER-01-002-V01");

        Assert.Equal(2, exit);
        Assert.Contains("--input: is required", error, StringComparison.Ordinal);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(folder.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static (int Exit, string Output, string Error) Invoke(params string[] args)
    {
        var root = new RootCommand("ccer");
        root.Subcommands.Add(CalcCommand.Create());
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString().Replace("\r\n", "\n", StringComparison.Ordinal), error.ToString());
    }
}
