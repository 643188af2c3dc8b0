using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace OpenCcer.Server.Tests;

public sealed class ImportJobApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string Path = "/api/v1/import-jobs";
    private const string MeterHeader = "period_start,period_end,export_mwh,import_mwh,meter_class,calibration_date,measured_error_percent";
    private const string PlotHeader = "stratum,stratum_area_ha,plot,plot_area_m2,species,dbh_cm,height_m";

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static MultipartFormDataContent Upload(string? kind, byte[] file, string contentType = "text/csv", string fileName = "readings.csv")
    {
        var form = new MultipartFormDataContent();
        if (kind is not null) form.Add(new StringContent(kind), "kind");
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(part, "file", fileName);
        return form;
    }

    private static MultipartFormDataContent Upload(string kind, string csv) => Upload(kind, Encoding.UTF8.GetBytes(csv));

    /// <summary>Monthly readings, one row per month from January 2000: month m exports 1000 + m MWh and imports 2 MWh.</summary>
    private static string MonthlyReadings(int months)
    {
        var csv = new StringBuilder(MeterHeader).Append('\n');
        for (var m = 0; m < months; m++)
        {
            var start = new DateOnly(2000, 1, 1).AddMonths(m);
            csv.Append(CultureInfo.InvariantCulture, $"{start:yyyy-MM-dd},{start.AddMonths(1).AddDays(-1):yyyy-MM-dd},{1000 + m},2,0.2S,,\n");
        }
        return csv.ToString();
    }

    private static async Task<JsonElement> UntilFinishedAsync(HttpClient client, string location)
    {
        var seenPercent = -1;
        var seenRows = -1;
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var response = await client.GetAsync(location);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var job = await Json(response);
            var percent = job.GetProperty("progress_percent").GetInt32();
            var rows = job.GetProperty("rows_parsed").GetInt32();
            Assert.InRange(percent, Math.Max(0, seenPercent), 100);
            Assert.InRange(rows, Math.Max(0, seenRows), job.GetProperty("rows_total").GetInt32());
            seenPercent = percent;
            seenRows = rows;
            if (job.GetProperty("status").GetString() != "running") return job;
            Assert.True(percent < 100, "A running job is below 100%.");
            await Task.Delay(20);
        }
        throw new TimeoutException("The import job did not finish in 30 s.");
    }

    [Fact]
    public async Task meter_readings_are_read_in_the_background_progress_only_rises_to_100_and_the_periods_are_summed()
    {
        var client = server.As(ServerFixture.Spic);
        const int months = 3000;
        var started = await client.PostAsync(Path, Upload("meter_readings", MonthlyReadings(months) + "\n\n"));
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var location = started.Headers.Location!.ToString();
        var first = await Json(started);
        Assert.Equal($"{Path}/{first.GetProperty("id").GetString()}", location);
        Assert.Equal(months, first.GetProperty("rows_total").GetInt32());
        Assert.Equal(months + 1, first.GetProperty("steps_total").GetInt32());
        Assert.Equal("meter_readings", first.GetProperty("kind").GetString());

        var job = await UntilFinishedAsync(client, location);
        Assert.Equal("done", job.GetProperty("status").GetString());
        Assert.Equal(100, job.GetProperty("progress_percent").GetInt32());
        Assert.Equal(months, job.GetProperty("rows_parsed").GetInt32());
        Assert.Empty(job.GetProperty("row_errors").EnumerateArray());
        var periods = job.GetProperty("periods").EnumerateArray().ToList();
        Assert.Equal(months, periods.Count);
        Assert.Equal("2000-02-01", periods[1].GetProperty("start").GetString());
        Assert.Equal("2000-02-29", periods[1].GetProperty("end").GetString());
        Assert.Equal(999m, periods[1].GetProperty("net_export_mwh").GetDecimal());
        // Σ (1000 + m − 2) over m = 0 … months − 1.
        Assert.Equal(998m * months + months * (months - 1) / 2, job.GetProperty("net_export_mwh_total").GetDecimal());
    }

    [Fact]
    public async Task each_bad_row_is_reported_with_its_line_and_column_and_nothing_is_summed()
    {
        var client = server.As(ServerFixture.Spic);
        var started = await client.PostAsync(Path, Upload("meter_readings", $"""
            {MeterHeader}
            2024-01-01,2024-01-31,1000,0,0.2S,2023-06-01,
            2024-02-01,2024-02-29,lots,0,0.2S,2023-06-01,
            2024-03-01,2024-03-31,1000,0,0.2S
            """));
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var job = await UntilFinishedAsync(client, started.Headers.Location!.ToString());
        Assert.Equal("done", job.GetProperty("status").GetString());
        Assert.Equal(3, job.GetProperty("rows_parsed").GetInt32());
        var errors = job.GetProperty("row_errors").EnumerateArray().ToList();
        Assert.Equal(2, errors.Count);
        Assert.Equal(3, errors[0].GetProperty("line").GetInt32());
        Assert.Equal("export_mwh", errors[0].GetProperty("field").GetString());
        Assert.Equal("'lots' is not a number", errors[0].GetProperty("message").GetString());
        Assert.Equal("「lots」不是数字", errors[0].GetProperty("message_zh").GetString());
        Assert.Equal(4, errors[1].GetProperty("line").GetInt32());
        Assert.Equal(JsonValueKind.Null, errors[1].GetProperty("field").ValueKind);
        Assert.Empty(job.GetProperty("periods").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, job.GetProperty("net_export_mwh_total").ValueKind);
    }

    [Fact]
    public async Task sample_plots_are_summarised_by_stratum()
    {
        var client = server.As(ServerFixture.Spic);
        var started = await client.PostAsync(Path, Upload("sample_plots", $"""
            {PlotHeader}
            S1,100,P1,600,chinese_fir,10,8
            S1,100,P1,600,chinese_fir,12,9
            S1,100,P2,600,,,
            S2,40.5,P3,400,masson_pine,15,11
            """));
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var job = await UntilFinishedAsync(client, started.Headers.Location!.ToString());
        Assert.Equal("done", job.GetProperty("status").GetString());
        var strata = job.GetProperty("strata").EnumerateArray()
            .Select(s => (s.GetProperty("stratum").GetString(), s.GetProperty("area_ha").GetDecimal(), s.GetProperty("plots").GetInt32(), s.GetProperty("trees").GetInt32()))
            .ToList();
        Assert.Equal([("S1", 100m, 2, 2), ("S2", 40.5m, 1, 1)], strata);
    }

    [Fact]
    public async Task bad_uploads_are_refused_with_problem_details()
    {
        var client = server.As(ServerFixture.Spic);
        async Task Refused(HttpContent content, HttpStatusCode status, string type, string? field = null)
        {
            var response = await client.PostAsync(Path, content);
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await Json(response);
            Assert.Equal(type, problem.GetProperty("type").GetString());
            if (field is not null) Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors.{field}");
        }

        var tooLarge = Encoding.UTF8.GetBytes(MonthlyReadings(30_000));
        Assert.True(tooLarge.Length > 900 * 1024);
        await Refused(Upload("meter_readings", tooLarge), HttpStatusCode.RequestEntityTooLarge, "/problems/payload-too-large");
        await Refused(Upload("meter_readings", [0x89, 0x50, 0x4E, 0x47], "image/png", "meter.png"), HttpStatusCode.UnsupportedMediaType,
            "/problems/unsupported-media-type");
        await Refused(new StringContent("{\"kind\":\"meter_readings\"}", Encoding.UTF8, "application/json"), HttpStatusCode.UnsupportedMediaType,
            "/problems/unsupported-media-type");
        await Refused(Upload("heat_readings", MonthlyReadings(2)), HttpStatusCode.BadRequest, "/problems/invalid-input", "kind");
        await Refused(Upload(null, Encoding.UTF8.GetBytes(MonthlyReadings(2))), HttpStatusCode.BadRequest, "/problems/invalid-input", "kind");
        await Refused(Upload("meter_readings", [0xFF, 0xFE, 0x00]), HttpStatusCode.BadRequest, "/problems/invalid-input", "file");
        var noFile = new MultipartFormDataContent { { new StringContent("meter_readings"), "kind" } };
        await Refused(noFile, HttpStatusCode.BadRequest, "/problems/invalid-input", "file");

        var missing = await client.GetAsync($"{Path}/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("/problems/not-found", (await Json(missing)).GetProperty("type").GetString());
    }

    [Fact]
    public async Task only_a_signed_in_caller_imports_and_only_its_starter_sees_a_job()
    {
        var anonymous = server.As(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync(Path, Upload("meter_readings", MonthlyReadings(2)))).StatusCode);

        var started = await server.As(ServerFixture.Spic).PostAsync(Path, Upload("meter_readings", MonthlyReadings(2)));
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var location = started.Headers.Location!.ToString();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(location)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await server.As(ServerFixture.Wufeng).GetAsync(location)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.As(ServerFixture.Spic).GetAsync(location)).StatusCode);
    }
}
