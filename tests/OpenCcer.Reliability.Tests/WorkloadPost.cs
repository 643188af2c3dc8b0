using System.Text;
using System.Text.Json;

namespace OpenCcer.Reliability.Tests;

/// <summary>How both workloads send one operation: a JSON POST under an API key, a lost answer counted by cause.</summary>
internal static class WorkloadPost
{
    /// <summary>The server's answer, or null when the answer was lost (the cause counted in <paramref name="lost"/>).</summary>
    public static async Task<HttpResponseMessage?> SendAsync(HttpClient http, string path, string key, string body, Tally lost)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Api-Key", key);
        try
        {
            return await http.SendAsync(request);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            lost.Add(e is HttpRequestException { HttpRequestError: var error } ? $"{e.GetType().Name} {error}" : e.GetType().Name);
            return null;
        }
    }

    /// <summary>The problem type of an answer's body, for counting lost answers by cause.</summary>
    public static string? ProblemType(string text)
    {
        try
        {
            return text.Length > 0 && JsonDocument.Parse(text).RootElement.TryGetProperty("type", out var t) ? t.GetString() : null;
        }
        catch (JsonException)
        {
            return "(not JSON)";
        }
    }
}
