using System.Net.Http.Json;

namespace OpenCcer.Reliability.Tests;

/// <summary>
/// The server's log, at debug level for every category, holds no password, API key or user name sent
/// in requests (failed and successful sign-ins, requests with a valid and an unknown key).
/// </summary>
public sealed class LogContentTests
{
    [Fact]
    public async Task passwords_keys_and_user_names_from_requests_never_reach_the_log()
    {
        var connectionString = TestStores.New("sqlite");
        await using var server = await ServerProcess.StartAsync(connectionString, null,
            "--Logging:LogLevel:Default", "Debug", "--Logging:LogLevel:Microsoft.AspNetCore", "Debug");
        var startup = server.Log.Length;
        using var http = new HttpClient { BaseAddress = server.Address };
        const string secretPassword = "Very-Secret-Passw0rd!";
        const string secretKey = "secret-key-0123456789abcdef";
        const string personalName = "zhang.wei.private";
        await http.PostAsJsonAsync("/api/v1/auth/sign-in", new { user_name = personalName, password = secretPassword });
        await http.PostAsJsonAsync("/api/v1/auth/sign-in", new { user_name = "spic.maker", password = secretPassword });
        var signedIn = await http.PostAsJsonAsync("/api/v1/auth/sign-in", new { user_name = "spic.checker", password = "Ccer-demo-2026!" });
        Assert.True(signedIn.IsSuccessStatusCode);
        foreach (var key in new[] { secretKey, RegistryWorkload.OwnerKey })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/accounts/1/holdings");
            request.Headers.Add("X-Api-Key", key);
            await http.SendAsync(request);
        }
        await Task.Delay(500); // let the process flush its log lines
        var log = server.Log[startup..];
        Assert.True(log.Length > 0, "debug logging produced nothing, so the test would prove nothing");
        foreach (var secret in new[] { secretPassword, secretKey, personalName, RegistryWorkload.OwnerKey, "Ccer-demo-2026!" })
            Assert.DoesNotContain(secret, log);
    }
}
