using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace OpenCcer.Server.Tests.Methodologies;

public sealed class MethodologyEndpointsTests(ServerFixture factory) : IClassFixture<ServerFixture>
{
    private const string Shandong = """
        {"mode":"ex_ante","grid":"North China","distance_offshore_km":35,"water_depth_m":28,
         "emission_factor_override":{"combined_margin_tco2_per_mwh":0.6186},
         "year":2024,"expected_annual_export_mwh":803701}
        """;

    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task catalogue_lists_the_four_methodologies_with_calculators()
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/v1/methodologies"));

        var codes = json.RootElement.EnumerateArray().Select(e => e.GetProperty("code").GetString()!).ToArray();
        Assert.Equal(["CCER-01-001-V01", "CCER-01-002-V01", "CCER-14-001-V01", "CCER-14-002-V01"], codes);
        Assert.All(json.RootElement.EnumerateArray(), e => Assert.True(e.GetProperty("has_calculator").GetBoolean()));
    }

    [Fact]
    public async Task one_methodology_shows_its_crediting_limits()
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/v1/methodologies/CCER-14-002-V01"));

        Assert.Equal("红树林营造", json.RootElement.GetProperty("name_zh").GetString());
        Assert.Equal(40, json.RootElement.GetProperty("crediting_years_max").GetInt32());
    }

    [Fact]
    public async Task grid_factors_show_year_status_and_source()
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/v1/grid-factors"));

        var first = json.RootElement[0];
        Assert.Equal(6, json.RootElement.GetArrayLength());
        Assert.Equal(2019, first.GetProperty("year").GetInt32());
        Assert.Equal("unverified", first.GetProperty("status").GetString());
    }

    [Fact]
    public async Task calculate_returns_the_result_with_its_intermediate_values()
    {
        var response = await Post("CCER-01-002-V01", Shandong);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(497_169, json.RootElement.GetProperty("reductions").GetInt64());
        Assert.Equal(803_701m, json.RootElement.GetProperty("net_export_mwh").GetDecimal());
        Assert.Equal(0.6186m, json.RootElement.GetProperty("factors_used")[0].GetProperty("combined_margin_tco2_per_mwh").GetDecimal());
    }

    [Theory]
    [InlineData("CCER-99-999-V01", Shandong, 404, "/problems/unknown-methodology", "code")]
    [InlineData("CCER-01-002-V01", "{\"mode\":", 400, "/problems/invalid-input", "$")]
    [InlineData("CCER-01-002-V01", "[1,2]", 400, "/problems/invalid-input", "$")]
    [InlineData("CCER-01-002-V01", "{}", 400, "/problems/invalid-input", "grid")]
    [InlineData("CCER-01-002-V01", """{"mode":"ex_ante","grid":"Atlantis","distance_offshore_km":35,"water_depth_m":28,"year":2024,"expected_annual_export_mwh":1}""", 400, "/problems/invalid-input", "grid")]
    [InlineData("CCER-01-002-V01", """{"mode":"ex_ante","grid":"North China","distance_offshore_km":35,"water_depth_m":28,"year":2024,"expected_annual_export_mwh":-5}""", 400, "/problems/invalid-input", "expected_annual_export_mwh")]
    [InlineData("CCER-01-002-V01", """{"mode":"ex_ante","grid":"North China","distance_offshore_km":35,"water_depth_m":28,"year":3024,"expected_annual_export_mwh":5}""", 400, "/problems/invalid-input", "year")]
    [InlineData("CCER-01-002-V01", """{"mode":"ex_ante","grid":"North China","distance_offshore_km":35,"water_depth_m":28,"year":2024,"expected_annual_export_gwh":5}""", 400, "/problems/invalid-input", "expected_annual_export_gwh")]
    [InlineData("CCER-01-002-V01", """{"mode":"ex_ante","grid":"North China","distance_offshore_km":3,"water_depth_m":8,"year":2024,"expected_annual_export_mwh":5}""", 422, "/problems/not-applicable", "distance_offshore_km")]
    public async Task bad_input_is_a_problem_naming_the_field(string code, string body, int status, string type, string field)
    {
        var response = await Post(code, body);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(type, json.RootElement.GetProperty("type").GetString());
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty(field, out var messages), json.RootElement.ToString());
        Assert.True(messages.GetArrayLength() > 0);
    }

    [Fact]
    public async Task unknown_methodology_detail_is_a_problem()
    {
        var response = await client.GetAsync("/api/v1/methodologies/CCER-00-000-V00");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("/problems/unknown-methodology", problem.GetProperty("type").GetString());
    }

    private Task<HttpResponseMessage> Post(string code, string body) =>
        client.PostAsync($"/api/v1/methodologies/{code}/calculate", new StringContent(body, Encoding.UTF8, "application/json"));
}
