using System.Net;
using OpenCcer.Application.Exports;

namespace OpenCcer.Server.Tests;

public sealed class ExportApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task every_public_list_downloads_in_every_format_and_the_formats_agree()
    {
        var client = server.As(null);
        foreach (var list in PublicListTables.Names)
        {
            ExportTable? first = null;
            foreach (var format in Enum.GetValues<ExportFormat>())
            {
                var response = await client.GetAsync($"/api/v1/public/exports/{list}?format={format.ToString().ToLowerInvariant()}");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal(ExportWriter.ContentType(format).Split(';')[0], response.Content.Headers.ContentType?.MediaType);
                var table = ExportWriter.Read(list, await response.Content.ReadAsByteArrayAsync(), format);
                Assert.NotEmpty(table.Rows);
                first ??= table;
                Assert.True(first.SameRecords(table), $"{list} as {format} differs from CSV");
            }
        }
        var issuances = ExportWriter.ReadCsv("issuances", await client.GetStringAsync("/api/v1/public/exports/issuances"));
        Assert.Equal(["id", "reference", "project_code", "vintage", "unit_class", "quantity_tonnes", "serials", "issued_at"], issuances.Columns);
    }

    [Fact]
    public async Task the_cad_trust_document_is_public_json()
    {
        var response = await server.As(null).GetAsync("/api/v1/public/exports/cad-trust");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var cad = CadTrust.Deserialize(await response.Content.ReadAsStringAsync());
        Assert.Contains(cad.Projects, p => p.ProjectLocations.Single().Country == "China");
        Assert.Equal(cad.Issuances.Sum(i => i.UnitCount), cad.Units.Sum(u => u.UnitCount));
    }

    [Fact]
    public async Task unknown_lists_and_formats_are_problems()
    {
        var client = server.As(null);
        var missing = await client.GetAsync("/api/v1/public/exports/accounts");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("/problems/not-found", (await ServerFixture.Json(missing)).GetProperty("type").GetString());
        var badFormat = await client.GetAsync("/api/v1/public/exports/issuances?format=pdf");
        Assert.Equal(HttpStatusCode.BadRequest, badFormat.StatusCode);
        Assert.Equal("/problems/invalid-input", (await ServerFixture.Json(badFormat)).GetProperty("type").GetString());
    }
}
