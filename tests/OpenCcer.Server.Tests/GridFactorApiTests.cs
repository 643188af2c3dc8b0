using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OpenCcer.Server.Tests;

public sealed class GridFactorApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static object Row(int year, decimal om = 0.8843m) => new
    {
        grid = "North China",
        grid_zh = "华北",
        year,
        om_tco2_per_mwh = om,
        bm_tco2_per_mwh = 0.3532m,
        status = "published",
        source = $"MEE notice on {year} regional grid emission factors",
    };

    [Fact]
    public async Task an_administrator_adds_a_published_year_that_everyone_then_sees()
    {
        var added = await server.As(ServerFixture.Admin).PostAsJsonAsync("/api/v1/grid-factors", Row(2023));
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var rows = await ServerFixture.Json(await server.As(null).GetAsync("/api/v1/grid-factors"));
        var row = rows.EnumerateArray().Single(r => r.GetProperty("grid").GetString() == "North China" && r.GetProperty("year").GetInt32() == 2023);
        Assert.Equal("MEE notice on 2023 regional grid emission factors", row.GetProperty("source").GetString());
        var again = await server.As(ServerFixture.Admin).PostAsJsonAsync("/api/v1/grid-factors", Row(2023, 0.9m));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task only_the_registry_administrator_may_add_a_year_and_bad_rows_are_refused()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.As(null).PostAsJsonAsync("/api/v1/grid-factors", Row(2024))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await server.As(ServerFixture.Spic).PostAsJsonAsync("/api/v1/grid-factors", Row(2024))).StatusCode);
        var negative = await server.As(ServerFixture.Admin).PostAsJsonAsync("/api/v1/grid-factors", Row(2024, -1m));
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        var problem = await negative.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("/problems/invalid-input", problem.GetProperty("type").GetString());
        var missing = await server.As(ServerFixture.Admin).PostAsJsonAsync("/api/v1/grid-factors", new { grid = "North China" });
        Assert.True((await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("year", out _));
    }

    [Fact]
    public async Task an_added_year_is_loaded_again_after_a_restart()
    {
        var path = Path.Combine(Path.GetTempPath(), "openccer-tests", $"grid-{Guid.NewGuid():N}.db");
        await using var store = OpenCcer.Storage.LedgerStore.Open($"Data Source={path}");
        await store.InitializeAsync();
        var holder = await OpenCcer.Server.Api.ReferenceDataHolder.LoadAsync(store);
        var row = new OpenCcer.Core.Methodologies.GridPower.GridFactorRow("South", "南方", 2024, 0.71m, 0.22m, "published", "MEE 2024");
        await holder.AddAsync(store, row, "admin", DateTimeOffset.UnixEpoch, CancellationToken.None);
        var reloaded = await OpenCcer.Server.Api.ReferenceDataHolder.LoadAsync(store);
        Assert.Contains(row, reloaded.Current.GridFactors.Rows);
    }
}
