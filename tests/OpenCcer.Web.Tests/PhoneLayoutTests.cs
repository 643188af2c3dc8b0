using Microsoft.Playwright;

namespace OpenCcer.Web.Tests;

/// <summary>
/// The pages on a phone-sized screen (390 × 844 CSS pixels): the page never scrolls sideways (wide tables
/// scroll inside their own frame), the navigation fits on the screen and leads where it says.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class PhoneLayoutTests(WebServer server)
{
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    private static readonly string[] PublicPages = ["/", "/projects", "/cancellations", "/market", "/statistics", "/exports", "/sign-in"];

    private static readonly string[] PortalPages = ["/portal", "/portal/holdings", "/portal/cancellations", "/portal/trading"];

    /// <summary>How far the page is wider than the screen, in CSS pixels (0 when it fits).</summary>
    private static Task<int> OverflowAsync(IPage page) =>
        page.EvaluateAsync<int>("() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - document.documentElement.clientWidth");

    private static async Task ExpectFitsAsync(IPage page, string path)
    {
        var response = await page.GotoAsync(path);
        Assert.True(response!.Ok, $"{path} answered {response.Status}");
        Assert.True(await OverflowAsync(page) <= 0, $"{path} is {await OverflowAsync(page)} px wider than a phone's screen");
        foreach (var link in await page.Locator("nav.main-nav a").AllAsync())
        {
            var box = await link.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.X >= 0 && box.X + box.Width <= Phone.Width, $"{path}: a navigation link is off the screen ({box.X}, {box.Width})");
        }
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("zh-CN")]
    public async Task public_pages_fit_a_phone_screen_and_the_navigation_works(string locale)
    {
        await server.JourneyAsync($"phone-public-{locale}", async page =>
        {
            foreach (var path in PublicPages) await ExpectFitsAsync(page, path);
            await page.GotoAsync("/projects");
            var first = page.Locator("main table a[href^='/projects/']").First;
            await ExpectFitsAsync(page, await first.GetAttributeAsync("href") ?? "/projects");

            // The navigation is usable: a link opens its page.
            await page.GotoAsync("/");
            await page.Locator("nav.main-nav a[href='/cancellations']").ClickAsync();
            await page.WaitForURLAsync("**/cancellations");
            // A wide table scrolls inside its frame, not the page.
            var frame = page.Locator("main .table-wrap").First;
            var (frameWidth, tableWidth) = (await frame.EvaluateAsync<int>("e => e.clientWidth"), await frame.EvaluateAsync<int>("e => e.scrollWidth"));
            Assert.True(frameWidth <= Phone.Width);
            Assert.True(tableWidth > frameWidth, "the cancellation register is expected to be wider than a phone and scroll in its frame");
            Assert.Equal("auto", await frame.EvaluateAsync<string>("e => getComputedStyle(e).overflowX"));
            Assert.True(await OverflowAsync(page) <= 0);
        }, locale, Phone);
    }

    [Theory]
    [InlineData("spic.maker")]
    [InlineData("mee.regulator")]
    public async Task portal_pages_fit_a_phone_screen(string user)
    {
        await server.JourneyAsync($"phone-portal-{user}", async page =>
        {
            await WebServer.SignInAsync(page, user);
            foreach (var path in user == "mee.regulator" ? ["/portal", "/portal/compliance", "/portal/cancellations"] : PortalPages)
                await ExpectFitsAsync(page, path);
        }, viewport: Phone);
    }
}
