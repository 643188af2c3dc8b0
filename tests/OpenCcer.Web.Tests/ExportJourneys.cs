using Microsoft.Playwright;
using OpenCcer.Application.Exports;

namespace OpenCcer.Web.Tests;

/// <summary>The downloads page: an export runs in the background, its progress bar reaches 100% and the file is offered.</summary>
[Collection(WebCollection.Name)]
public sealed class ExportJourneys(WebServer server)
{
    [Fact]
    public async Task a_visitor_exports_every_list_watches_the_progress_reach_100_percent_and_downloads_the_workbook()
    {
        await server.JourneyAsync("visitor-exports", async page =>
        {
            await page.GotoAsync("/?culture=en");
            await page.ClickAsync("nav.main-nav a[href='/exports']");

            // All lists come only as a workbook: asking for CSV is refused next to the format.
            await page.SelectOptionAsync("#export-list", "all");
            await page.SelectOptionAsync("#export-format", "csv");
            await page.ClickAsync("form.export-form button[type=submit]");
            await Assertions.Expect(page.Locator("[data-error-for=format]")).ToContainTextAsync("XLSX");
            await Assertions.Expect(page.Locator("#export-job")).ToHaveCountAsync(0);

            await page.SelectOptionAsync("#export-format", "xlsx");
            await page.ClickAsync("form.export-form button[type=submit]");
            await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/exports\\?job=[0-9a-f-]{36}$"));

            // A small export is often done before the page is first drawn, so the job's page is opened again and
            // shown as if the job had just started: it is then the script polling the job's status that moves the
            // bar and offers the file. (A route does not see the redirect that follows the form, hence the reload.)
            var pagesRewritten = 0;
            await page.RouteAsync(new System.Text.RegularExpressions.Regex("/exports\\?job="), async route =>
            {
                var response = await route.FetchAsync();
                var html = JobPages.AsJustStarted(await response.TextAsync())
                    .Replace("<p class=\"export-ready\">", "<p class=\"export-ready\" hidden>", StringComparison.Ordinal);
                pagesRewritten++;
                await route.FulfillAsync(new() { Response = response, Body = html });
            });
            await page.GotoAsync(page.Url);
            Assert.Equal(1, pagesRewritten);
            var job = page.Locator("#export-job");
            await Assertions.Expect(job).ToHaveAttributeAsync("data-status", "done");
            await Assertions.Expect(page.Locator("#export-progress")).ToHaveAttributeAsync("value", "100");
            await Assertions.Expect(job.Locator("[data-progress-text]")).ToHaveTextAsync("100%");
            await Assertions.Expect(job.Locator(".export-failed")).ToBeHiddenAsync();

            var link = job.Locator("a[data-export-file]");
            await Assertions.Expect(link).ToBeVisibleAsync();
            var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
            Assert.Equal("openccer-all.xlsx", download.SuggestedFilename);
            var tables = XlsxTables.Read(await File.ReadAllBytesAsync(await download.PathAsync()));
            Assert.Equal(PublicListTables.Names, tables.Select(t => t.Name));
            Assert.NotEmpty(tables.Single(t => t.Name == "issuances").Rows);
        });
    }

    [Fact]
    public async Task an_unknown_export_job_is_reported_on_the_page()
    {
        await server.JourneyAsync("unknown-export", async page =>
        {
            var response = await page.GotoAsync($"/exports?job={Guid.NewGuid()}&culture=en");
            Assert.Equal(200, response!.Status);
            await Assertions.Expect(page.Locator("main .form-problem")).ToContainTextAsync("No such export");
        });
    }
}
