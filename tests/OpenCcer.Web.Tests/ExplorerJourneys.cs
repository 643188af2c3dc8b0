using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OpenCcer.Core.Lifecycle;
using OpenCcer.Storage.Lifecycle;

namespace OpenCcer.Web.Tests;

/// <summary>The public explorer, signed out: browsing and filtering, commenting during a notice, the language switch, a phone screen.</summary>
[Collection(WebCollection.Name)]
public sealed class ExplorerJourneys(WebServer server)
{
    [Fact]
    public async Task a_visitor_browses_and_filters_projects()
    {
        var all = await server.Store.Lifecycle.ProjectsAsync(null, null, null, 1_000, 0);
        var registered = all.Where(p => p.State.Phase == ProjectPhase.Registered).ToList();
        var offshore = all.Where(p => p.State.Description.MethodologyCode == "CCER-01-002-V01").ToList();
        await server.JourneyAsync(nameof(a_visitor_browses_and_filters_projects), async page =>
        {
            await page.GotoAsync("/projects?culture=en");
            Assert.Equal(all.Count, await page.Locator("table.projects tbody tr").CountAsync());
            Assert.Equal($"{all.Count} projects", (await page.Locator("p.count").InnerTextAsync()).Split('·')[0].Trim());

            await page.SelectOptionAsync("select[name=status]", "Registered");
            await page.ClickAsync("form.filters button[type=submit]");
            await page.WaitForURLAsync("**status=Registered**");
            var statuses = await page.Locator("table.projects tbody td .status").AllInnerTextsAsync();
            Assert.Equal(registered.Count, statuses.Count);
            Assert.All(statuses, s => Assert.Equal("Registered", s));

            await page.GotoAsync("/projects");
            await page.SelectOptionAsync("select[name=methodology]", "CCER-01-002-V01");
            await page.FillAsync("input[name=q]", "Shandong");
            await page.ClickAsync("form.filters button[type=submit]");
            await page.WaitForURLAsync("**q=Shandong**");
            var titles = await page.Locator("table.projects tbody td:first-child").AllInnerTextsAsync();
            Assert.Equal(offshore.Count(p => p.State.Description.Title.Contains("Shandong", StringComparison.OrdinalIgnoreCase)), titles.Count);
            Assert.All(titles, t => Assert.Contains("Shandong", t));
            Assert.All(await page.Locator("table.projects tbody td:nth-child(3)").AllInnerTextsAsync(), m => Assert.Equal("Grid-connected offshore wind power", m));

            // The CSV export carries the same filters.
            var href = await page.GetAttributeAsync("a[href*='handler=csv']", "href");
            var csv = await (await page.APIRequest.GetAsync(href!)).TextAsync();
            var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.StartsWith("id,code,title,methodology_code", lines[0]);
            Assert.Equal(titles.Count, lines.Length - 1);

            // A project page shows its lifecycle, its issuances with serial numbers, and its documents section.
            await page.ClickAsync("table.projects tbody a:text('SPIC Shandong Peninsula')");
            await page.WaitForURLAsync(new Regex("/projects/[0-9a-f-]{36}$"));
            await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Shandong");
            await Assertions.Expect(page.Locator(".timeline li[data-kind=project_registered]")).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator(".timeline li[data-kind=project_registered]")).ToContainTextAsync("Registry administrator");
            await Assertions.Expect(page.Locator("table.issuances tbody tr").First).ToContainTextAsync("CCER-SD-OW-0001-");
        });
    }

    [Fact]
    public async Task anyone_comments_on_a_project_in_public_notice()
    {
        var id = await ProjectInNoticeAsync(server, "Comment journey wind farm (test)");
        await server.JourneyAsync(nameof(anyone_comments_on_a_project_in_public_notice), async page =>
        {
            await page.GotoAsync($"/projects/{id}?culture=en");
            await Assertions.Expect(page.Locator("[data-phase]")).ToHaveTextAsync("In public notice");

            // Blank text passes the browser's check but not the server's: its problem shows next to the field.
            await page.FillAsync("#comment-text", "   ");
            await page.ClickAsync("#comments form button[type=submit]");
            await Assertions.Expect(page.Locator("[data-error-for=text]")).ToHaveTextAsync("Required.");

            await page.FillAsync("#comment-text", "Which wind speed series was used for the yield estimate?");
            await page.ClickAsync("#comments form button[type=submit]");
            await page.WaitForURLAsync("**commented=true**");
            await Assertions.Expect(page.Locator("[role=status]")).ToContainTextAsync("your comment is published");
            await Assertions.Expect(page.Locator("li.comment .comment-text").Last).ToHaveTextAsync("Which wind speed series was used for the yield estimate?");
        });
        var project = await server.Store.Lifecycle.ProjectAsync(new ProjectId(id));
        Assert.Equal("Which wind speed series was used for the yield estimate?", project!.State.Notice!.Comments.Single().Text);
    }

    [Fact]
    public async Task the_language_switch_changes_the_page_text_and_is_remembered()
    {
        await server.JourneyAsync(nameof(the_language_switch_changes_the_page_text_and_is_remembered), async page =>
        {
            await page.GotoAsync("/?culture=zh-CN");
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("CCER 登记公示");
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
            await Assertions.Expect(page.Locator(".main-nav")).ToContainTextAsync("注销登记簿");

            await page.ClickAsync("a[data-language=en]");
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("CCER registry explorer");
            await Assertions.Expect(page.Locator(".main-nav")).ToContainTextAsync("Cancellation register");

            // The choice is kept for the next page, statuses and methodology names included.
            await page.ClickAsync(".main-nav a[href='/projects']");
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Projects");
            await Assertions.Expect(page.Locator("table.projects")).ToContainTextAsync("Registered");
            await Assertions.Expect(page.Locator("table.projects")).ToContainTextAsync("Grid-connected offshore wind power");

            await page.ClickAsync("a[data-language=zh-CN]");
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("项目");
            await Assertions.Expect(page.Locator("table.projects")).ToContainTextAsync("已登记");
            await Assertions.Expect(page.Locator("table.projects")).ToContainTextAsync("并网海上风力发电");
            await Assertions.Expect(page.Locator("table.projects")).ToContainTextAsync("年");
        }, locale: "en-US");
    }

    [Fact]
    public async Task the_statistics_page_draws_its_charts_from_registry_data()
    {
        var totals = await server.Store.Registry.TotalsAsync();
        await server.JourneyAsync(nameof(the_statistics_page_draws_its_charts_from_registry_data), async page =>
        {
            await page.GotoAsync("/statistics?culture=en");
            await Assertions.Expect(page.Locator("#issued-chart")).ToBeVisibleAsync();
            // Chart.js attached itself to the canvas (bundled script, no network).
            Assert.True(await page.EvaluateAsync<bool>("() => typeof Chart !== 'undefined' && Chart.getChart('issued-chart') !== undefined"));
            var cells = await page.Locator("table.issued-by-methodology tbody td.num").AllInnerTextsAsync();
            Assert.Equal(totals.IssuedTonnes, cells.Sum(c => long.Parse(c.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture)));
        });
    }

    [Fact]
    public async Task pages_fit_a_phone_screen()
    {
        await server.JourneyAsync(nameof(pages_fit_a_phone_screen), async page =>
        {
            foreach (var path in new[] { "/", "/projects", "/cancellations", "/statistics", "/sign-in" })
            {
                await page.GotoAsync(path + "?culture=zh-CN");
                var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
                Assert.True(overflow <= 0, $"{path} is {overflow}px wider than a 375px screen");
            }
        }, viewport: new ViewportSize { Width = 375, Height = 740 });
    }

    /// <summary>A project of SPIC (the demo owner) drafted and published today, naming CQC to validate it.</summary>
    public static async Task<Guid> ProjectInNoticeAsync(WebServer server, string title)
    {
        const string owner = "91370000MA3CSPIC01";
        const string cqc = "12100000VVB0000005";
        var actor = new Actor(Role.ProjectOwner, Organisations.IdOf(owner));
        var lifecycle = server.Lifecycle;
        var drafted = await lifecycle.DraftAsync(actor, owner, new ProjectDescription(title, "CCER-01-002-V01", new DateOnly(2024, 5, 1),
            new CreditingPeriod(new DateOnly(2025, 1, 1), 10)), "Shandong");
        Assert.Equal(LifecycleOutcomeKind.Ok, drafted.Kind);
        var id = drafted.Record!.State.Id;
        var published = await lifecycle.ActAsync(id, (r, _) => ProjectLifecycle.Publish(r.State, actor, lifecycle.Today(), Organisations.IdOf(cqc), lifecycle.Calendar), cqc);
        Assert.Equal(LifecycleOutcomeKind.Ok, published.Kind);
        return id.Value;
    }
}
