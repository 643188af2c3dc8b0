using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace OpenCcer.Web.Tests;

/// <summary>Importing monitoring data: the file is read in the background, the bar reaches 100%, then the summary or the rows' errors.</summary>
[Collection(WebCollection.Name)]
public sealed partial class ImportJourneys(WebServer server)
{
    private const string MeterHeader = "period_start,period_end,export_mwh,import_mwh,meter_class,calibration_date,measured_error_percent";

    private static FilePayload Csv(string text) =>
        new() { Name = "readings.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(text) };

    [GeneratedRegex("/portal/imports\\?job=[0-9a-f-]{36}$")]
    private static partial Regex JobPage();

    /// <summary>
    /// Submits the form and opens the job's page again. A small file is read before its page is first drawn, so
    /// that page is shown as if the job had just started (its summary hidden): it is then the script polling the
    /// job's status that brings the finished page. (A route does not see the redirect that follows the upload.)
    /// </summary>
    private static async Task SubmitAndWatchTheJobAsync(IPage page)
    {
        await page.ClickAsync("form.import-form button[type=submit]");
        await page.WaitForURLAsync(JobPage());
        var pagesServed = 0;
        await page.RouteAsync(JobPage(), async route =>
        {
            if (++pagesServed > 1)
            {
                await route.ContinueAsync();
                return;
            }
            var response = await route.FetchAsync();
            var html = JobPages.AsJustStarted(await response.TextAsync())
                .Replace("class=\"import-", "class=\"stale-import-", StringComparison.Ordinal);
            await route.FulfillAsync(new() { Response = response, Body = html });
        });
        await page.GotoAsync(page.Url);
        await Assertions.Expect(page.Locator("#import-job")).ToHaveAttributeAsync("data-status", "done");
        Assert.Equal(2, pagesServed);
    }

    [Fact]
    public async Task an_owner_imports_meter_readings_watches_the_bar_reach_100_percent_and_sees_the_net_export()
    {
        await server.JourneyAsync("owner-imports-readings", async page =>
        {
            await WebServer.SignInAsync(page, "spic.maker");
            await page.ClickAsync("a[href='/portal/imports']");
            await page.SelectOptionAsync("#import-kind", "meter_readings");
            await page.SetInputFilesAsync("#import-file", Csv($"""
                {MeterHeader}
                2025-01-01,2025-01-31,1200.5,2.5,0.2S,2024-06-01,0.1
                2025-02-01,2025-02-28,1100,3,0.2S,2024-06-01,
                2025-03-01,2025-03-31,1300.25,1.25,0.5S,,
                """));
            await SubmitAndWatchTheJobAsync(page);

            var job = page.Locator("#import-job");
            await Assertions.Expect(page.Locator("table.import-periods")).ToBeVisibleAsync();
            await Assertions.Expect(job).ToHaveAttributeAsync("data-status", "done");
            await Assertions.Expect(page.Locator("#import-progress")).ToHaveAttributeAsync("value", "100");
            await Assertions.Expect(job.Locator("[data-progress-text]")).ToHaveTextAsync("100%");
            await Assertions.Expect(job.Locator("[data-rows-parsed]")).ToHaveTextAsync("3");
            await Assertions.Expect(job.Locator("[data-rows-total]")).ToHaveTextAsync("3");
            await Assertions.Expect(page.Locator("table.import-periods tbody tr")).ToHaveCountAsync(3);
            await Assertions.Expect(page.Locator("table.import-periods tbody tr").Nth(1)).ToContainTextAsync("1,097");
            // (1200.5 − 2.5) + (1100 − 3) + (1300.25 − 1.25)
            await Assertions.Expect(page.Locator("[data-net-export-total]")).ToHaveTextAsync("3,594");
            await Assertions.Expect(page.Locator("table.import-errors")).ToHaveCountAsync(0);
        });
    }

    [Fact]
    public async Task a_bad_row_is_shown_next_to_its_line_and_nothing_is_summed()
    {
        await server.JourneyAsync("owner-imports-bad-row", async page =>
        {
            await WebServer.SignInAsync(page, "spic.maker");
            await page.GotoAsync("/portal/imports?culture=zh-CN");
            await page.SelectOptionAsync("#import-kind", "meter_readings");
            await page.SetInputFilesAsync("#import-file", Csv($"""
                {MeterHeader}
                2025-01-01,2025-01-31,1200.5,2.5,0.2S,2024-06-01,0.1
                2025-02-01,2025-02-28,lots,3,0.2S,2024-06-01,
                """));
            await SubmitAndWatchTheJobAsync(page);

            var row = page.Locator("table.import-errors tr[data-line='3']");
            await Assertions.Expect(row).ToBeVisibleAsync();
            await Assertions.Expect(row).ToContainTextAsync("export_mwh");
            // In Chinese, with the parser's English beneath.
            await Assertions.Expect(row.Locator("[lang=zh-CN]")).ToHaveTextAsync("「lots」不是数字");
            await Assertions.Expect(row.Locator("[lang=en]")).ToHaveTextAsync("'lots' is not a number");
            await Assertions.Expect(page.Locator("table.import-errors th").First).ToHaveTextAsync("行号");
            await Assertions.Expect(page.Locator("#import-progress")).ToHaveAttributeAsync("value", "100");
            await Assertions.Expect(page.Locator("table.import-errors tbody tr")).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator("table.import-periods")).ToHaveCountAsync(0);
        });
    }
}
