using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OpenCcer.Storage;

namespace OpenCcer.Server.Tests;

/// <summary>The server on a fresh SQLite file with demo data and demo people; <see cref="SignInPermitsPerMinute"/> is configurable.</summary>
public class PeopleServer : WebApplicationFactory<Program>
{
    private readonly string database = Path.Combine(Path.GetTempPath(), "openccer-tests", $"people-{Guid.NewGuid():N}.db");

    protected virtual int SignInPermitsPerMinute => 1000;

    public LedgerStore Store => Services.GetRequiredService<LedgerStore>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Registry", $"Data Source={database}");
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("Auth:SignInPermitsPerMinute", SignInPermitsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>A client that keeps cookies, signed in as <paramref name="userName"/>.</summary>
    public async Task<HttpClient> SignedIn(string userName, string password = People.DemoPeople.Password)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/sign-in", new { user_name = userName, password });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"sign-in of {userName}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return client;
    }

    public HttpClient WithKey(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    /// <summary>Registers an organisation and its people through the admin API; returns the organisation id.</summary>
    public async Task<string> Organisation(string subjectId, string role, params string[] userNames)
    {
        var admin = WithKey(ServerFixture.Admin);
        var created = await admin.PostAsJsonAsync("/api/v1/admin/organisations", new { name = "Org " + subjectId, subject_id = subjectId, role });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await Json(created)).GetProperty("id").GetString()!;
        foreach (var name in userNames)
        {
            var user = await admin.PostAsJsonAsync($"/api/v1/admin/organisations/{id}/users",
                new { user_name = name, email = name + "@openccer.example", display_name = name, password = People.DemoPeople.Password });
            Assert.Equal(HttpStatusCode.Created, user.StatusCode);
        }
        return id;
    }

    public static async Task<JsonElement> Json(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    public static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode status, string type)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal(type, problem.GetProperty("type").GetString());
        return problem;
    }
}
