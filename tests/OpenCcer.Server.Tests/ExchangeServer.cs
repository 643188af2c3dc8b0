using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace OpenCcer.Server.Tests;

/// <summary>
/// The server on a fresh SQLite file with demo data and the standard market clock (PRC calendar, real
/// sessions), not the always-open demo clock; its clock starts on Monday 2026-03-02, 10:00 China Standard Time.
/// </summary>
public sealed class ExchangeServer : WebApplicationFactory<Program>
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));

    private readonly string database = Path.Combine(Path.GetTempPath(), "openccer-tests", $"exchange-{Guid.NewGuid():N}.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Registry", $"Data Source={database}");
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("Exchange:AlwaysOpenDemo", "false");
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }

    public HttpClient As(string? key)
    {
        var client = CreateClient();
        if (key is not null) client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }
}
