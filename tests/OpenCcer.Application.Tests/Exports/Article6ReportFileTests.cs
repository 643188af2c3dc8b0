using OpenCcer.Application.Exports;
using OpenCcer.Core.Article6;
using OpenCcer.Core.Registry;
using OpenCcer.Storage.Compliance;

namespace OpenCcer.Application.Tests.Exports;

/// <summary>The Article 6 report's tables written as one XLSX workbook read back as the same records.</summary>
public sealed class Article6ReportFileTests
{
    [Fact]
    public void every_table_of_the_article6_report_reads_back_the_same_from_one_workbook()
    {
        var wind = new Instrument("SD-OW-0001", 2024);
        var authorization = new Authorization(wind, "CN-A6-2026-001", FirstTransfer.Issuance, "2026-03-02T02:00:00.0000000+00:00");
        var report = Article6Report.Build(2026, "China", SerialFormat.Default, [authorization], [], new Dictionary<string, IReadOnlyList<(long First, long Last)>>(),
            [(wind, 980L)]);

        var back = XlsxTables.Read(XlsxTables.Write(report));

        Assert.Equal(["authorizations", "actions", "holdings"], back.Select(t => t.Name));
        Assert.All(report, table => Assert.True(table.SameRecords(back.Single(t => t.Name == table.Name)), table.Name));
        Assert.Single(report.Single(t => t.Name == "actions").Rows);
    }
}
