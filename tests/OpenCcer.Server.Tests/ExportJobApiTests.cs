using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenCcer.Application.Exports;

namespace OpenCcer.Server.Tests;

public sealed class ExportJobApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static async Task<JsonElement> UntilFinishedAsync(HttpClient client, string location)
    {
        var seen = new List<int>();
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var job = await Json(await client.GetAsync(location));
            var percent = job.GetProperty("progress_percent").GetInt32();
            Assert.InRange(percent, seen.Count == 0 ? 0 : seen[^1], 100);
            seen.Add(percent);
            if (job.GetProperty("status").GetString() != "running") return job;
            await Task.Delay(50);
        }
        throw new TimeoutException("The export job did not finish in 30 s.");
    }

    [Fact]
    public async Task an_export_of_every_list_runs_in_the_background_reaches_100_percent_and_its_workbook_downloads()
    {
        var client = server.As(null);
        var started = await client.PostAsJsonAsync("/api/v1/public/export-jobs", new { list = "all", format = "xlsx" });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var location = started.Headers.Location!.ToString();
        var job = await Json(started);
        Assert.Equal($"/api/v1/public/export-jobs/{job.GetProperty("id").GetString()}", location);
        Assert.Equal(PublicListTables.Names.Count + 1, job.GetProperty("steps_total").GetInt32());

        job = await UntilFinishedAsync(client, location);
        Assert.Equal("done", job.GetProperty("status").GetString());
        Assert.Equal(100, job.GetProperty("progress_percent").GetInt32());
        var file = await client.GetAsync(job.GetProperty("file_url").GetString());
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("openccer-all.xlsx", file.Content.Headers.ContentDisposition?.FileNameStar ?? file.Content.Headers.ContentDisposition?.FileName);
        var tables = XlsxTables.Read(await file.Content.ReadAsByteArrayAsync());
        Assert.Equal(PublicListTables.Names, tables.Select(t => t.Name));
        var direct = ExportWriter.ReadCsv("issuances", await client.GetStringAsync("/api/v1/public/exports/issuances"));
        Assert.True(direct.SameRecords(tables.Single(t => t.Name == "issuances")));
    }

    [Fact]
    public async Task one_list_exports_in_the_format_asked_for()
    {
        var client = server.As(null);
        var started = await client.PostAsJsonAsync("/api/v1/public/export-jobs", new { list = "cancellations", format = "json" });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var job = await UntilFinishedAsync(client, started.Headers.Location!.ToString());
        Assert.Equal(100, job.GetProperty("progress_percent").GetInt32());
        var file = await client.GetAsync(job.GetProperty("file_url").GetString());
        Assert.Equal("application/json", file.Content.Headers.ContentType?.MediaType);
        var table = ExportWriter.ReadJson("cancellations", await file.Content.ReadAsStringAsync());
        var direct = ExportWriter.ReadCsv("cancellations", await client.GetStringAsync("/api/v1/public/exports/cancellations"));
        Assert.True(direct.SameRecords(table));
    }

    [Fact]
    public async Task bad_requests_and_unknown_jobs_are_problem_details()
    {
        var client = server.As(null);
        var badList = await client.PostAsJsonAsync("/api/v1/public/export-jobs", new { list = "passwords", format = "csv" });
        Assert.Equal(HttpStatusCode.BadRequest, badList.StatusCode);
        Assert.Equal("application/problem+json", badList.Content.Headers.ContentType?.MediaType);
        Assert.True((await Json(badList)).GetProperty("errors").TryGetProperty("list", out _));

        var allAsCsv = await client.PostAsJsonAsync("/api/v1/public/export-jobs", new { list = "all", format = "csv" });
        Assert.Equal(HttpStatusCode.BadRequest, allAsCsv.StatusCode);
        Assert.True((await Json(allAsCsv)).GetProperty("errors").TryGetProperty("format", out _));

        foreach (var path in new[] { $"/api/v1/public/export-jobs/{Guid.NewGuid()}", $"/api/v1/public/export-jobs/{Guid.NewGuid()}/file" })
        {
            var missing = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
            Assert.Equal("/problems/not-found", (await Json(missing)).GetProperty("type").GetString());
        }
    }
}
