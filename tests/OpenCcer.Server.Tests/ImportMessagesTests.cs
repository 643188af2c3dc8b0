using OpenCcer.Core.Methodologies.Import;
using OpenCcer.Server.Imports;

namespace OpenCcer.Server.Tests;

public sealed class ImportMessagesTests
{
    private const string MeterHeader = "period_start,period_end,export_mwh,import_mwh,meter_class,calibration_date,measured_error_percent";
    private const string PlotHeader = "stratum,stratum_area_ha,plot,plot_area_m2,species,dbh_cm,height_m";

    /// <summary>Files that between them make the parsers write each of their row errors.</summary>
    public static TheoryData<string, string> BadFiles => new()
    {
        { "meter", "" },
        { "meter", MeterHeader + "\n" },
        { "meter", MeterHeader.Replace("export_mwh", "export_kwh", StringComparison.Ordinal) + ",extra\n2024-01-01,2024-01-31,1,0,0.2S,,\n" },
        {
            "meter", $"""
            {MeterHeader}
            2024-02-30,2024-01-31,x,-1,0.3Q,,150
            2024-03-05,2024-03-01,1,1,0.2S,,
            ,2024-03-01,1,1,0.2S,,y
            2024-03-01,2024-03-31,1,2
            "2024-03-01,2024-03-31,1,2,0.2S,,
            """
        },
        { "plots", $"{PlotHeader}\nS1,0,P1,600,chinese_fir,10000,1000\nS1,100,P2,600,chinese_fir,,8\n" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void every_row_error_of_the_monitoring_imports_has_its_chinese(string kind, string file)
    {
        var errors = kind == "meter" ? MeterReadingCsv.Parse(file).Errors : SamplePlotCsv.Parse(file).Errors;
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.NotNull(ImportMessages.Chinese(e.Message)));
    }

    [Theory]
    [InlineData("'lots' is not a number", "「lots」不是数字")]
    [InlineData("expected 7 fields, found 4", "应有 7 个字段，实有 4 个")]
    [InlineData("expected 'export_mwh', found 'export_kwh' (check the name and its unit)", "应为「export_mwh」，实为「export_kwh」（请检查列名及其单位）")]
    [InlineData("a file may hold at most 1000000 rows", "一个文件最多 1000000 行")]
    [InlineData("must be at most 250 cm (is it in mm?)", "不能超过 250 cm（是否填成了毫米？）")]
    public void a_message_is_translated_with_the_values_it_quotes(string english, string chinese) =>
        Assert.Equal(chinese, ImportMessages.Chinese(english));

    [Fact]
    public void a_message_without_a_translation_has_none() =>
        Assert.Null(ImportMessages.Chinese("the moon is made of cheese"));
}
