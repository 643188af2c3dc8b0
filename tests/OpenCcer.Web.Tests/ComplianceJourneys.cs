using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenCcer.Application.Compliance;
using OpenCcer.Core.Compliance;

namespace OpenCcer.Web.Tests;

/// <summary>The regulator's compliance overview: figures per sector and per key emitting unit, and the CSV export.</summary>
[Collection(WebCollection.Name)]
public sealed class ComplianceJourneys(WebServer server)
{
    private const string Cement = "91110000MA01CEMT02";
    private const string Steel = "91320000MA02STEL03";
    private const int Period = 2025;

    private static string Tonnes(long t) => t.ToString("N0", CultureInfo.GetCultureInfo("en")) + " t";

    [Fact]
    public async Task the_regulator_sees_verified_emissions_surrenders_and_the_offset_cap_per_sector_and_unit()
    {
        var compliance = server.Services.GetRequiredService<ComplianceService>();
        // The cement plant surrenders 96,000 t against 100,000 t verified (4,000 t short); the steel works covers its 200,000 t.
        Assert.True((await compliance.RegisterAsync(Cement, Sector.Cement, "Beijing")).IsOk);
        Assert.True((await compliance.RegisterAsync(Steel, Sector.Steel, "Jiangsu")).IsOk);
        Assert.True((await compliance.AllocateAsync("web-cea-cement", Cement, Period, 96_000)).IsOk);
        Assert.True((await compliance.AllocateAsync("web-cea-steel", Steel, Period, 210_000)).IsOk);
        Assert.True((await compliance.RecordEmissionsAsync(Cement, Period, 100_000)).IsOk);
        Assert.True((await compliance.RecordEmissionsAsync(Steel, Period, 200_000)).IsOk);
        Assert.True((await compliance.SurrenderAsync("web-surrender-cement", Cement, new SurrenderRequest(Period, 96_000, null, []))).IsOk);
        Assert.True((await compliance.SurrenderAsync("web-surrender-steel", Steel, new SurrenderRequest(Period, 200_000, null, []))).IsOk);

        await server.JourneyAsync("regulator-reads-compliance", async page =>
        {
            await WebServer.SignInAsync(page, "mee.regulator");
            await page.ClickAsync("nav.main-nav a[href='/portal/compliance']");
            await page.SelectOptionAsync("select[name=period]", Period.ToString(CultureInfo.InvariantCulture));
            await page.ClickAsync("form.filters button");
            await page.WaitForURLAsync($"**/portal/compliance?period={Period}");

            var cement = page.Locator("table.compliance-sectors tr[data-sector=Cement]");
            await Assertions.Expect(cement.Locator("[data-entities]")).ToHaveTextAsync("1");
            await Assertions.Expect(cement.Locator("[data-verified]")).ToHaveTextAsync(Tonnes(100_000));
            await Assertions.Expect(cement.Locator("[data-allowances]")).ToHaveTextAsync(Tonnes(96_000));
            await Assertions.Expect(cement.Locator("[data-offsets]")).ToHaveTextAsync(Tonnes(0));
            await Assertions.Expect(cement.Locator("[data-offset-limit]")).ToHaveTextAsync(Tonnes(5_000));
            await Assertions.Expect(cement.Locator("[data-shortfall]")).ToHaveTextAsync(Tonnes(4_000));
            await Assertions.Expect(cement.Locator("[data-not-compliant]")).ToHaveTextAsync("1");
            var steel = page.Locator("table.compliance-sectors tr[data-sector=Steel]");
            await Assertions.Expect(steel.Locator("[data-offset-limit]")).ToHaveTextAsync(Tonnes(10_000));
            await Assertions.Expect(steel.Locator("[data-compliant]")).ToHaveTextAsync("1");

            var plant = page.Locator($"table.compliance-units tr[data-entity='{Cement}'][data-period='{Period}']");
            await Assertions.Expect(plant).ToContainTextAsync("Jidong Cement Beijing");
            await Assertions.Expect(plant.Locator("[data-verified]")).ToHaveTextAsync(Tonnes(100_000));
            await Assertions.Expect(plant.Locator("[data-offset-limit]")).ToHaveTextAsync(Tonnes(5_000));
            await Assertions.Expect(plant.Locator("[data-status]")).ToHaveAttributeAsync("data-status", "NotCompliant");
            await Assertions.Expect(page.Locator($"table.compliance-units tr[data-entity='{Steel}'] [data-status]")).ToHaveAttributeAsync("data-status", "Compliant");

            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a[data-export=csv]"));
            Assert.Equal($"compliance-{Period}.csv", download.SuggestedFilename);
            var lines = (await File.ReadAllTextAsync(await download.PathAsync())).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.StartsWith("subject_id,entity,sector,province,period,verified_emissions_tonnes", lines[0], StringComparison.Ordinal);
            Assert.Contains($"{Cement},Jidong Cement Beijing,cement,Beijing,{Period},100000,96000,96000,0,5000,4000,false", lines);
            Assert.Contains(lines, l => l.StartsWith($"{Steel},", StringComparison.Ordinal) && l.EndsWith(",200000,210000,200000,0,10000,0,true", StringComparison.Ordinal));
        });

        // Earlier periods, verified but not surrendered, make more rows than one page holds.
        for (var year = 2014; year < Period; year++)
        {
            Assert.True((await compliance.RecordEmissionsAsync(Cement, year, 90_000)).IsOk);
            Assert.True((await compliance.RecordEmissionsAsync(Steel, year, 180_000)).IsOk);
        }
        const int rows = 2 * (Period - 2014 + 1);
        Assert.True(rows > Server.Pages.Portal.ComplianceModel.PageSize);

        await server.JourneyAsync("regulator-pages-through-compliance", async page =>
        {
            await WebServer.SignInAsync(page, "mee.regulator");
            await page.GotoAsync("/portal/compliance");
            await Assertions.Expect(page.Locator("table.compliance-units tbody tr")).ToHaveCountAsync(Server.Pages.Portal.ComplianceModel.PageSize);
            await Assertions.Expect(page.Locator("table.compliance-sectors tr[data-sector=Cement] [data-verified]"))
                .ToHaveTextAsync(Tonnes(100_000 + (Period - 2014) * 90_000L));
            await page.ClickAsync("nav.pages a[href='/portal/compliance?page=2']");
            await Assertions.Expect(page.Locator("nav.pages .current")).ToHaveTextAsync("2");
            await Assertions.Expect(page.Locator("table.compliance-units tbody tr")).ToHaveCountAsync(rows - Server.Pages.Portal.ComplianceModel.PageSize);
            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a[data-export=csv]"));
            Assert.Equal("compliance.csv", download.SuggestedFilename);
            var lines = (await File.ReadAllTextAsync(await download.PathAsync())).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(rows + 1, lines.Length);
        });

        // The page is the regulator's and the registry's: a trader is turned away.
        await server.JourneyAsync("trader-cannot-read-compliance", async page =>
        {
            await WebServer.SignInAsync(page, "jidong.trader");
            await Assertions.Expect(page.Locator("a[href='/portal/compliance']")).ToHaveCountAsync(0);
            var response = await page.GotoAsync("/portal/compliance");
            Assert.Equal(403, response!.Status);
        });
    }
}
