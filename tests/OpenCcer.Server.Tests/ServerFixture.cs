using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace OpenCcer.Server.Tests;

/// <summary>The server on its own fresh SQLite file, seeded with demo data.</summary>
public sealed class ServerFixture : WebApplicationFactory<Program>
{
    public const string Admin = "ccer-demo-registry-admin";
    public const string Spic = "ccer-demo-owner-spic";
    public const string Cement = "ccer-demo-buyer-cement";
    public const string Regulator = "ccer-demo-regulator";
    public const string Exchange = "ccer-demo-exchange";

    private readonly string database = Path.Combine(Path.GetTempPath(), "openccer-tests", $"server-{Guid.NewGuid():N}.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Registry", $"Data Source={database}");
        builder.UseSetting("urls", "http://127.0.0.1:0");
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
