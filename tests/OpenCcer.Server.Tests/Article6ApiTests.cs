using System.Net;
using System.Net.Http.Json;
using OpenCcer.Application.Exports;

namespace OpenCcer.Server.Tests;

public sealed class Article6ApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string SpicSubject = "91370000MA3CSPIC01";

    [Fact]
    public async Task authorized_units_moved_abroad_show_as_exported_and_appear_in_the_annual_report()
    {
        var admin = server.As(ServerFixture.Admin);
        var spic = server.As(ServerFixture.Spic);
        var transfer = new
        {
            operation_id = "a6-ch-1",
            subject_id = SpicSubject,
            project_code = "SD-OW-0001",
            vintage = 2023,
            quantity_tonnes = 1_000,
            acquiring_party = "Switzerland",
            foreign_registry = "Swiss Emissions Trading Registry",
        };
        var refused = await spic.PostAsJsonAsync("/api/v1/article6/transfers", transfer);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("/problems/not-authorized", (await ServerFixture.Json(refused)).GetProperty("type").GetString());

        var authorized = await admin.PostAsJsonAsync("/api/v1/article6/authorizations",
            new { project_code = "SD-OW-0001", vintage = 2023, reference = "LoA-CN-2026-001", first_transfer = "international_transfer" });
        Assert.Equal(HttpStatusCode.OK, authorized.StatusCode);
        var labels = await ServerFixture.Json(await server.As(null).GetAsync("/api/v1/public/article6/authorizations"));
        Assert.Equal("Article 6 authorized", labels.EnumerateArray().Single().GetProperty("label").GetString());

        Assert.Equal(HttpStatusCode.Forbidden, (await server.As(ServerFixture.Wufeng).PostAsJsonAsync("/api/v1/article6/transfers", transfer)).StatusCode);
        var moved = await ServerFixture.Json(await spic.PostAsJsonAsync("/api/v1/article6/transfers", transfer));
        Assert.Equal("applied", moved.GetProperty("corresponding_adjustment").GetString());
        Assert.Equal(20, moved.GetProperty("mitigation_tonnes").GetInt64());

        var cad = CadTrust.Deserialize(await server.As(null).GetStringAsync("/api/v1/public/exports/cad-trust"));
        var exported = cad.Units.Single(u => u.UnitStatus == "Exported");
        Assert.Equal((1_000L, "Completed"), (exported.UnitCount, exported.CorrespondingAdjustmentStatus));
        Assert.Contains("Article 6 authorized: LoA-CN-2026-001", exported.Labels);

        var year = server.Clock.GetUtcNow().Year;
        var csv = await server.As(ServerFixture.Regulator).GetAsync($"/api/v1/article6/reports/{year}?format=csv&table=actions");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var actions = ExportWriter.ReadCsv("actions", await csv.Content.ReadAsStringAsync());
        var first = actions.Rows.Single(r => (string?)r[2] == "first_transfer");
        Assert.Equal(("Switzerland", "applied", "1000"), ((string?)first[14], (string?)first[17], (string?)first[11]));
        var xlsx = await server.As(ServerFixture.Regulator).GetAsync($"/api/v1/article6/reports/{year}");
        Assert.Equal(["authorizations", "actions", "holdings"], XlsxTables.Read(await xlsx.Content.ReadAsByteArrayAsync()).Select(t => t.Name));
        Assert.Equal(HttpStatusCode.Forbidden, (await spic.GetAsync($"/api/v1/article6/reports/{year}")).StatusCode);
    }
}
