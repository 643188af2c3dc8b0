using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenCcer.Storage;
using OpenCcer.Storage.Exchange;
using OpenCcer.Storage.Lifecycle;

namespace OpenCcer.Web.Tests;

/// <summary>
/// The server with demo data on a fresh SQLite file, listening on 127.0.0.1 (a real Kestrel port), and one
/// headless Chromium (Debian's, <c>/usr/bin/chromium</c>) shared by every journey; each journey opens its own context.
/// The server's clock starts on 2026-09-01 (inside the shipped working-day calendar) and can be moved ahead.
/// </summary>
public sealed class WebServer : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string Password = "Ccer-demo-2026!";

    private readonly string database = Path.Combine(Path.GetTempPath(), "openccer-tests", $"web-{Guid.NewGuid():N}.db");
    private IPlaywright? playwright;

    public ShiftedTime Time { get; } = new(new DateTimeOffset(2026, 9, 1, 1, 0, 0, TimeSpan.Zero));
    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;

    public LedgerStore Store => Services.GetRequiredService<LedgerStore>();
    public LifecycleService Lifecycle => Services.GetRequiredService<LifecycleService>();
    public ExchangeEngine Exchange => Services.GetRequiredService<ExchangeEngine>();

    /// <summary>Where screenshots of failed journeys go.</summary>
    public static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "screenshots");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        builder.UseSetting("ConnectionStrings:Registry", $"Data Source={database}");
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("Auth:SignInPermitsPerMinute", "1000");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
    }

    public async Task InitializeAsync()
    {
        UseKestrel();
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.Single(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal));
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser context (own cookies) and page, in <paramref name="locale"/>.</summary>
    public async Task<IPage> NewPageAsync(string locale = "en-US", ViewportSize? viewport = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = locale,
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the sign-in page and lands on the portal.</summary>
    public static async Task SignInAsync(IPage page, string userName)
    {
        await page.GotoAsync("/sign-in");
        await page.FillAsync("#user-name", userName);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForURLAsync("**/portal");
    }

    public static async Task SignOutAsync(IPage page)
    {
        await page.ClickAsync("form[action='/sign-out'] button");
        await page.WaitForURLAsync(url => !url.Contains("/portal", StringComparison.Ordinal));
    }

    /// <summary>Runs a journey in a fresh page; when it fails, a full-page screenshot is saved under <see cref="ScreenshotFolder"/>.</summary>
    public async Task JourneyAsync(string name, Func<IPage, Task> journey, string locale = "en-US", ViewportSize? viewport = null)
    {
        var page = await NewPageAsync(locale, viewport);
        try
        {
            await journey(page);
        }
        catch (Exception e)
        {
            Directory.CreateDirectory(ScreenshotFolder);
            var file = Path.Combine(ScreenshotFolder, $"{name}-{DateTime.UtcNow:HHmmss}.png");
            var saved = "";
            try
            {
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
                saved = "; screenshot " + file;
            }
            catch (PlaywrightException)
            {
                saved = "; no screenshot";
            }
            throw new JourneyFailedException($"Journey {name} failed at {page.Url}{saved}: {e.Message}", e);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        playwright?.Dispose();
        await base.DisposeAsync();
    }
}

/// <summary>A journey failed: where the page was and where its screenshot is.</summary>
public sealed class JourneyFailedException(string message, Exception inner) : Exception(message, inner);

[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<WebServer>
{
    public const string Name = "web";
}
