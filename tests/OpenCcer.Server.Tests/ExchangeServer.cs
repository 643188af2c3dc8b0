using System.Net;
using System.Text.Json;
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

    /// <summary>Sets the clock to a day of March 2026 at a China Standard Time hour and minute.</summary>
    public void At(int day, int hour, int minute) =>
        Clock.SetUtcNow(new DateTimeOffset(2026, 3, day, hour, minute, 0, TimeSpan.FromHours(8)));

    public async Task<long> TradingAccountOf(string key)
    {
        var accounts = await Ok(await As(key).GetAsync("/api/v1/accounts"));
        return accounts.EnumerateArray().Single(a => a.GetProperty("kind").GetInt32() == 2).GetProperty("id").GetInt64();
    }

    /// <summary>The JSON body of a 200 answer; any other status fails with the body.</summary>
    public static async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    /// <summary>Asserts a problem-details answer with this status and type.</summary>
    public static async Task Problem(HttpResponseMessage response, HttpStatusCode status, string type)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal(type, JsonDocument.Parse(body).RootElement.GetProperty("type").GetString());
    }

    public HttpClient As(string? key)
    {
        var client = CreateClient();
        if (key is not null) client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }
}
