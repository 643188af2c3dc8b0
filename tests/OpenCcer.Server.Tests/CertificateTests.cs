using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using UglyToad.PdfPig;
using ZXing.QrCode.Internal;

namespace OpenCcer.Server.Tests;

public sealed class CertificateTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private async Task<string> SeededCertificate(string purpose)
    {
        var cancellations = await ServerFixture.Json(await server.As(null).GetAsync("/api/v1/public/cancellations"));
        return cancellations.EnumerateArray().First(c => c.GetProperty("purpose").GetString() == purpose)
            .GetProperty("certificate_number").GetString()!;
    }

    [Fact]
    public async Task a_certificate_pdf_opens_its_text_holds_the_serial_blocks_and_its_qr_code_opens_the_matching_public_record()
    {
        var client = server.As(null);
        var number = await SeededCertificate("voluntary_public_interest");
        var record = await ServerFixture.Json(await client.GetAsync($"/api/v1/public/certificates/{number}"));
        var blocks = record.GetProperty("serial_blocks").EnumerateArray().Select(b => b.GetString()!).ToList();
        Assert.NotEmpty(blocks);
        Assert.All(blocks, b => Assert.StartsWith("CCER-SD-OW-0001-2024-", b, StringComparison.Ordinal));
        Assert.Equal(5_000, record.GetProperty("quantity_tonnes").GetInt64());
        Assert.Matches("^[0-9a-f]{64}$", record.GetProperty("journal_hash").GetString()!);

        var response = await client.GetAsync($"/api/v1/public/certificates/{number}/pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var page = pdf.GetPage(1);
        var text = string.Join("\n", pdf.GetPages().Select(p => p.Text));
        foreach (var block in blocks) Assert.Contains(block, text, StringComparison.Ordinal);
        Assert.Contains(number, text, StringComparison.Ordinal);
        Assert.Contains("Voluntary public-interest cancellation", text, StringComparison.Ordinal);
        Assert.Contains("SPIC Shandong 2024 office and fleet emissions", text, StringComparison.Ordinal);

        var url = DecodeQr(page);
        Assert.Equal(record.GetProperty("verification_url").GetString(), url);
        var path = new Uri(url).PathAndQuery;
        Assert.Equal($"/verify/{number}", path);
        var asJson = new HttpRequestMessage(HttpMethod.Get, path);
        asJson.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var verified = await ServerFixture.Json(await client.SendAsync(asJson));
        Assert.Equal(number, verified.GetProperty("certificate_number").GetString());
        Assert.Equal(record.GetProperty("journal_hash").GetString(), verified.GetProperty("journal_hash").GetString());
        Assert.Equal(blocks, verified.GetProperty("serial_blocks").EnumerateArray().Select(b => b.GetString()!));

        var html = await client.GetAsync(path);
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        var page_ = await html.Content.ReadAsStringAsync();
        Assert.Contains(record.GetProperty("journal_hash").GetString()!, page_, StringComparison.Ordinal);
        foreach (var block in blocks) Assert.Contains(block, page_, StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_journal_hash_on_a_certificate_is_the_hash_of_the_row_that_recorded_the_cancellation()
    {
        var client = server.As(null);
        var number = await SeededCertificate("large_event_neutrality");
        var record = await ServerFixture.Json(await client.GetAsync($"/api/v1/public/certificates/{number}"));
        var store = (Storage.LedgerStore)server.Services.GetService(typeof(Storage.LedgerStore))!;
        var row = (await store.JournalPageAsync(record.GetProperty("journal_sequence").GetInt64() - 1, 1)).Single();
        Assert.Equal("units_cancelled", row.Kind);
        Assert.Contains(number, row.EventJson, StringComparison.Ordinal);
        Assert.Equal(row.Hash, record.GetProperty("journal_hash").GetString());
    }

    [Fact]
    public async Task an_unknown_or_malformed_certificate_is_a_not_found_problem()
    {
        var client = server.As(null);
        foreach (var path in new[] { "/api/v1/public/certificates/CCER-CN-2099-99999999", "/api/v1/public/certificates/%25_/pdf", "/verify/NOPE" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var problem = await ServerFixture.Json(response);
            Assert.Equal("/problems/not-found", problem.GetProperty("type").GetString());
        }
    }

    /// <summary>Reads the QR code back from the squares drawn on the page and decodes it.</summary>
    private static string DecodeQr(UglyToad.PdfPig.Content.Page page)
    {
        var squares = page.Paths.Where(p => p.IsFilled).Select(p => p.GetBoundingRectangle()).OfType<UglyToad.PdfPig.Core.PdfRectangle>()
            .Where(r => r.Width > 0.5 && Math.Abs(r.Width - r.Height) < 0.01).ToList();
        Assert.NotEmpty(squares);
        var module = squares.Min(r => r.Width);
        var left = squares.Min(r => r.Left);
        var top = squares.Max(r => r.Top);
        var size = (int)Math.Round((squares.Max(r => r.Right) - left) / module);
        var grid = new bool[size][];
        for (var i = 0; i < size; i++) grid[i] = new bool[size];
        foreach (var r in squares)
        {
            var column = (int)Math.Round((r.Left - left) / module);
            var row = (int)Math.Round((top - r.Top) / module);
            for (var dy = 0; dy < (int)Math.Round(r.Height / module); dy++)
                for (var dx = 0; dx < (int)Math.Round(r.Width / module); dx++) grid[row + dy][column + dx] = true;
        }
        return new Decoder().decode(grid, null).Text;
    }
}
