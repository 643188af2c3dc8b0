using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using OpenCcer.Server.Web;

namespace OpenCcer.Server.Tests;

/// <summary>The API and the portal's forms reach the same maker-checker handler, so they refuse alike.</summary>
public sealed partial class MakerCheckerDoorsTests(PeopleServer server) : IClassFixture<PeopleServer>
{
    // SPIC's registry account in the demo seed, holding SD-OW-0001 units.
    private const long SpicAccount = 1;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("<p class=\"form-problem\" role=\"alert\">([^<]*)</p>")]
    private static partial Regex FormProblem();

    private static async Task<string> TokenOf(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        return Token().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException($"No antiforgery token on {page}.");
    }

    private static async Task<string> PostForm(HttpClient client, string page, string handler, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await TokenOf(client, page);
        var response = await client.PostAsync($"{page}{(page.Contains('?', StringComparison.Ordinal) ? '&' : '?')}handler={handler}", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var problem = FormProblem().Match(html);
        Assert.True(problem.Success, "The page shows no problem.");
        return WebUtility.HtmlDecode(problem.Groups[1].Value);
    }

    [Fact]
    public async Task the_api_and_the_portal_refuse_a_reused_operation_id_with_another_body_alike()
    {
        var maker = await server.SignedIn("spic.maker");
        object Body(long tonnes) => new
        {
            operation_id = "doors-op",
            account_id = SpicAccount,
            project_code = "SD-OW-0001",
            vintage = 2023,
            quantity_tonnes = tonnes,
            purpose = "corporate_offset",
            beneficiary = "SPIC doors",
        };
        Assert.Equal(HttpStatusCode.Created, (await maker.PostAsJsonAsync("/api/v1/cancellation-requests", Body(5))).StatusCode);

        var api = await PeopleServer.Problem(await maker.PostAsJsonAsync("/api/v1/cancellation-requests", Body(6)),
            HttpStatusCode.UnprocessableEntity, "/problems/idempotency-conflict");
        var portal = await PostForm(maker, "/portal/holdings", "Cancel", new()
        {
            ["operationId"] = "doors-op",
            ["account"] = "1",
            ["projectCode"] = "SD-OW-0001",
            ["vintage"] = "2023",
            ["quantity"] = "6",
            ["purpose"] = "corporate_offset",
            ["beneficiary"] = "SPIC doors",
        });
        Assert.Equal(api.GetProperty("title").GetString() + " " + api.GetProperty("detail").GetString(), portal);
    }

    [Fact]
    public async Task the_api_and_the_cancellation_requests_page_refuse_a_confirmation_by_the_initiator_alike()
    {
        var maker = await server.SignedIn("spic.maker");
        var created = await PeopleServer.Json(await maker.PostAsJsonAsync("/api/v1/cancellation-requests", new
        {
            operation_id = "doors-confirm",
            account_id = SpicAccount,
            project_code = "SD-OW-0001",
            vintage = 2023,
            quantity_tonnes = 3,
            purpose = "corporate_offset",
            beneficiary = "SPIC doors",
        }));
        var id = created.GetProperty("id").GetString();
        var api = await PeopleServer.Problem(await maker.PostAsync($"/api/v1/cancellation-requests/{id}/confirm", null),
            HttpStatusCode.Forbidden, "/problems/confirmer-is-initiator");
        var portal = await PostForm(maker, "/portal/cancellations?culture=en", $"Confirm&id={id}", []);
        // The page shows the refusal's title in the reader's language (from the status code) and the same detail.
        var text = server.Services.GetRequiredService<IStringLocalizer<Text>>();
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("en");
        try
        {
            Assert.Equal(text.Or("Problem." + api.GetProperty("status_code").GetString(), api.GetProperty("title").GetString()!)
                + " " + api.GetProperty("detail").GetString(), portal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
        var detail = await PeopleServer.Json(await maker.GetAsync($"/api/v1/cancellation-requests/{id}"));
        Assert.Equal("pending", detail.GetProperty("status").GetString());
    }
}
