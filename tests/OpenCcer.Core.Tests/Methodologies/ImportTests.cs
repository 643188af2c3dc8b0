using OpenCcer.Core.Methodologies.Import;

namespace OpenCcer.Core.Tests.Methodologies;

public sealed class ImportTests
{
    private const string MeterHeader = "period_start,period_end,export_mwh,import_mwh,meter_class,calibration_date,measured_error_percent";
    private const string PlotHeader = "stratum,stratum_area_ha,plot,plot_area_m2,species,dbh_cm,height_m";

    [Fact]
    public void good_meter_file_imports_every_row()
    {
        var result = MeterReadingCsv.Parse($"""
            {MeterHeader}
            2024-01-01,2024-01-31,91234.5,120.25,0.2S,2023-06-15,0.15
            2024-02-01,2024-02-29,80012,98.5,0.5S,,
            """);

        Assert.True(result.Succeeded);
        Assert.Equal(2, result.Rows.Count);
        Assert.Equal(0.15m, result.Rows[0].Meter!.MeasuredErrorPercent);
        Assert.Null(result.Rows[1].Meter!.CalibrationDate);
    }

    [Fact]
    public void every_bad_meter_row_is_reported_with_its_line_and_nothing_is_imported()
    {
        var result = MeterReadingCsv.Parse($"""
            {MeterHeader}
            2024-01-01,2024-01-31,91234.5,120.25,0.2S,2023-06-15,0.15
            2024-02-01,2024-01-29,80012,98.5,0.5S,,
            2024-03-01,2024-03-31,-5,x,class,,

            2024-04-01,2024-04-30,1,2
            """);

        Assert.False(result.Succeeded);
        Assert.Empty(result.Rows);
        Assert.Equal(["line 3: period_end", "line 4: export_mwh", "line 4: import_mwh", "line 4: meter_class", "line 6"],
            result.Errors.Select(e => e.Field));
    }

    [Fact]
    public void a_column_in_the_wrong_unit_is_named_in_the_header_error()
    {
        var result = MeterReadingCsv.Parse(MeterHeader.Replace("export_mwh", "export_kwh", StringComparison.Ordinal) + "\n2024-01-01,2024-01-31,1,0,0.2S,,\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal("line 1: column 3", error.Field);
        Assert.Contains("export_mwh", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void sample_plot_file_imports_trees_and_empty_plots()
    {
        var result = SamplePlotCsv.Parse($"""
            {PlotHeader}
            S1,120,P1,600,chinese_fir,9.4,7.1
            S1,120,P2,600,,,
            """);

        Assert.True(result.Succeeded);
        Assert.Null(result.Rows[1].Species);
    }

    [Fact]
    public void every_bad_plot_row_is_reported_and_nothing_is_imported()
    {
        var result = SamplePlotCsv.Parse($"""
            {PlotHeader}
            S1,120,P1,600,chinese_fir,94,7.1
            S1,0,P1,600,chinese_fir,9.4,7.1
            S1,120,P1,600,chinese_fir,940,710
            S1,120,P1,600,chinese_fir,,7
            """);

        Assert.Empty(result.Rows);
        Assert.Equal(["line 3: stratum_area_ha", "line 4: dbh_cm", "line 4: height_m", "line 5: dbh_cm"], result.Errors.Select(e => e.Field));
    }

    [Fact]
    public void an_empty_file_is_an_error()
    {
        Assert.False(SamplePlotCsv.Parse("").Succeeded);
        Assert.False(SamplePlotCsv.Parse(PlotHeader + "\n").Succeeded);
    }
}
