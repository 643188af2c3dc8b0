using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace OpenCcer.Server.Tests;

/// <summary>The server on its own fresh SQLite file, seeded with demo data.</summary>
public sealed class ServerFixture : WebApplicationFactory<Program>
{
    public const string Admin = "ccer-demo-registry-admin";
    public const string Spic = "ccer-demo-owner-spic";
    public const string Wufeng = "ccer-demo-owner-wufeng";
    public const string VvbCqc = "ccer-demo-vvb-cqc";
    public const string VvbCec = "ccer-demo-vvb-cec";
    public const string CqcSubject = "12100000VVB0000005";
    public const string CecSubject = "12100000VVB0000006";
    public const string Cement = "ccer-demo-buyer-cement";
    public const string Regulator = "ccer-demo-regulator";
    public const string Exchange = "ccer-demo-exchange";

    /// <summary>The server's clock: starts on Monday 2026-03-02, 10:00 China Standard Time; tests move it.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));

    private readonly string database = Path.Combine(Path.GetTempPath(), "openccer-tests", $"server-{Guid.NewGuid():N}.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Registry", $"Data Source={database}");
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }

    public HttpClient As(string? key)
    {
        var client = CreateClient();
        if (key is not null) client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    public static async Task<JsonElement> Json(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();
}
