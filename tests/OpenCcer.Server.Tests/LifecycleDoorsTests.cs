using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using OpenCcer.Server.Web;

namespace OpenCcer.Server.Tests;

/// <summary>
/// The API and the portal reach the same lifecycle and document handlers, so the same bad input gets the
/// same refusal through either door: the API's problem title (and detail) is what the page shows.
/// </summary>
public sealed partial class LifecycleDoorsTests(PeopleServer server) : IClassFixture<PeopleServer>
{
    private static readonly byte[] PngBytes = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x01];

    private static readonly Dictionary<string, string> Draft = new()
    {
        ["Title"] = "Doors test",
        ["MethodologyCode"] = "CCER-01-002-V01",
        ["Province"] = "Shandong",
        ["ConstructionStart"] = "2020-07-08",
        ["CreditingStart"] = "2021-12-16",
        ["CreditingYears"] = "10",
    };

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<p class=\"form-problem\" role=\"alert\">(.*?)</p>", RegexOptions.Singleline)]
    private static partial Regex ProblemPattern();

    private static async Task<string> TokenAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        return TokenPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException($"No antiforgery token on {page}.");
    }

    /// <summary>The message the page shows above the form it answered.</summary>
    private static async Task<string> PageProblemAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {html[..Math.Min(html.Length, 500)]}");
        var match = ProblemPattern().Match(html);
        Assert.True(match.Success, "The page shows no problem.");
        return WebUtility.HtmlDecode(match.Groups[1].Value).Trim();
    }

    private static async Task<JsonElement> ApiProblemAsync(HttpResponseMessage response, HttpStatusCode status, string type) =>
        await PeopleServer.Problem(response, status, type);

    private static string Shown(JsonElement problem) =>
        problem.GetProperty("title").GetString() + " " + problem.GetProperty("detail").GetString();

    private async Task<string> ProjectOfSpicAsync()
    {
        var response = await server.WithKey(ServerFixture.Spic).PostAsJsonAsync("/api/v1/projects", new
        {
            title = "Doors test",
            methodology_code = "CCER-01-002-V01",
            province = "Shandong",
            construction_start = "2020-07-08",
            crediting_start = "2021-12-16",
            crediting_years = 10,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await PeopleServer.Json(response)).GetProperty("id").GetString()!;
    }

    private static MultipartFormDataContent Upload(string kind, byte[] bytes, string fileName, string? token = null)
    {
        var form = new MultipartFormDataContent();
        if (token is not null) form.Add(new StringContent(token), "__RequestVerificationToken");
        form.Add(new StringContent(kind), "kind");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", fileName);
        return form;
    }

    [Fact]
    public async Task a_vvb_drafting_a_project_is_refused_alike_by_the_api_and_the_portal()
    {
        var api = await ApiProblemAsync(await server.WithKey(ServerFixture.VvbCqc).PostAsJsonAsync("/api/v1/projects", new
        {
            title = "Doors test",
            methodology_code = "CCER-01-002-V01",
            province = "Shandong",
            construction_start = "2020-07-08",
            crediting_start = "2021-12-16",
            crediting_years = 10,
        }), HttpStatusCode.Forbidden, "/problems/wrong-role");
        var status = api.GetProperty("status_code").GetString();

        var client = await server.SignedIn("cqc.verifier");
        var token = await TokenAsync(client, "/portal/projects/new?culture=en");
        var form = new Dictionary<string, string>(Draft) { ["__RequestVerificationToken"] = token };
        var shown = await PageProblemAsync(await client.PostAsync("/portal/projects/new?culture=en", new FormUrlEncodedContent(form)));

        var text = server.Services.GetRequiredService<IStringLocalizer<Text>>();
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("en");
        try
        {
            Assert.Equal(text.Or("Problem." + status, api.GetProperty("title").GetString()!), shown);
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }

    [Fact]
    public async Task a_trader_uploading_to_a_project_is_refused_alike_by_the_api_and_the_portal()
    {
        var project = await ProjectOfSpicAsync();
        var api = await ApiProblemAsync(await server.WithKey(ServerFixture.Cement).PostAsync($"/api/v1/projects/{project}/documents",
            Upload("design_document", PngBytes, "design.pdf")), HttpStatusCode.Forbidden, "/problems/forbidden");

        var client = await server.SignedIn("jidong.trader");
        var token = await TokenAsync(client, $"/portal/projects/{project}?culture=en");
        var shown = await PageProblemAsync(await client.PostAsync($"/portal/projects/{project}?handler=Upload&culture=en",
            Upload("design_document", PngBytes, "design.pdf", token)));
        Assert.Equal(Shown(api), shown);
    }

    [Fact]
    public async Task a_file_of_the_wrong_type_is_refused_alike_by_the_api_and_the_portal()
    {
        var project = await ProjectOfSpicAsync();
        var api = await ApiProblemAsync(await server.WithKey(ServerFixture.Spic).PostAsync($"/api/v1/projects/{project}/documents",
            Upload("design_document", PngBytes, "design.pdf")), HttpStatusCode.UnsupportedMediaType, "/problems/unsupported-media-type");

        var client = await server.SignedIn("spic.maker");
        var token = await TokenAsync(client, $"/portal/projects/{project}?culture=en");
        var shown = await PageProblemAsync(await client.PostAsync($"/portal/projects/{project}?handler=Upload&culture=en",
            Upload("design_document", PngBytes, "design.pdf", token)));
        Assert.Equal(Shown(api), shown);
        var documents = await PeopleServer.Json(await server.WithKey(ServerFixture.Spic).GetAsync($"/api/v1/projects/{project}/documents"));
        Assert.Equal(0, documents.GetArrayLength());
    }
}
