using System.Text.RegularExpressions;

namespace OpenCcer.Web.Tests;

/// <summary>
/// Follows every link reachable from the home page, in both languages, signed out and signed in as each
/// role: no page answers with a server error.
/// </summary>
[Collection(WebCollection.Name)]
public sealed partial class CrawlerTests(WebServer server)
{
    /// <summary>Pages visited per crawl at most; the demo site has far fewer.</summary>
    private const int PagesMax = 400;

    public static TheoryData<string, string?> Crawls()
    {
        var data = new TheoryData<string, string?>();
        foreach (var culture in new[] { "zh-CN", "en" })
            foreach (var user in new string?[] { null, "registry.admin", "mee.regulator", "bgx.operator", "spic.maker", "cqc.verifier", "jidong.trader" })
                data.Add(culture, user);
        return data;
    }

    [Theory]
    [MemberData(nameof(Crawls))]
    public async Task no_link_from_the_home_page_leads_to_a_server_error(string culture, string? user)
    {
        await server.JourneyAsync($"crawl-{culture}-{user ?? "public"}", async page =>
        {
            if (user is not null) await WebServer.SignInAsync(page, user);
            var request = page.Context.APIRequest;
            var start = "/?culture=" + culture;
            var seen = new HashSet<string>(StringComparer.Ordinal) { start };
            var queue = new Queue<string>([start]);
            var failures = new List<string>();
            var pages = 0;
            var postForms = 0;
            while (queue.Count > 0 && pages < PagesMax)
            {
                var path = queue.Dequeue();
                var response = await request.GetAsync(path, new() { MaxRedirects = 5 });
                pages++;
                if (response.Status >= 500) failures.Add($"{response.Status} {path}");
                var type = response.Headers.TryGetValue("content-type", out var t) ? t : "";
                if (!type.StartsWith("text/html", StringComparison.Ordinal)) continue;
                var html = await response.TextAsync();
                // Every form that changes something carries the antiforgery token.
                foreach (Match form in PostForm().Matches(html))
                {
                    postForms++;
                    if (!form.Value.Contains("name=\"__RequestVerificationToken\"", StringComparison.Ordinal))
                        failures.Add($"form without antiforgery token on {path}: {form.Value[..Math.Min(120, form.Value.Length)]}");
                }
                if (path == start)
                    Assert.Contains(culture == "en" ? "CCER registry explorer" : "CCER 登记公示", html);
                foreach (Match m in Href().Matches(html))
                {
                    var link = System.Net.WebUtility.HtmlDecode(m.Groups[1].Value);
                    var hash = link.IndexOf('#', StringComparison.Ordinal);
                    if (hash >= 0) link = link[..hash];
                    // Same site only; language links switch the crawl's language, which the other crawls cover.
                    if (!link.StartsWith('/') || link.StartsWith("//", StringComparison.Ordinal) || link.Contains("culture=", StringComparison.Ordinal)) continue;
                    if (seen.Add(link)) queue.Enqueue(link);
                }
            }
            Assert.True(failures.Count == 0, "Server errors:\n" + string.Join("\n", failures));
            Assert.True(pages >= 20, $"only {pages} pages reached");
            if (user is not null) Assert.Contains("/portal", seen);
            if (user is "mee.regulator" or "registry.admin") Assert.Contains("/portal/compliance", seen);
            Assert.Contains("/exports", seen);
            Assert.True(user is null || postForms > 0, "no form checked for its antiforgery token");
        });
    }

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Href();

    [GeneratedRegex("<form[^>]*method=\"post\"[^>]*>.*?</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex PostForm();
}
