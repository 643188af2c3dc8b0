using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace OpenCcer.Server.Tests;

/// <summary>Uploading, listing and downloading project documents through the HTTP API.</summary>
public sealed class DocumentApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string SpicSubject = "91370000MA3CSPIC01";

    private static readonly byte[] Pdf = [.. "%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"u8, 0x00, 0xFF, 0x10, .. "\n%%EOF\n"u8];

    private async Task<string> Draft(string owner = ServerFixture.Spic)
    {
        var response = await server.As(owner).PostAsJsonAsync("/api/v1/projects", new
        {
            title = "Documents test",
            methodology_code = "CCER-01-002-V01",
            province = "Shandong",
            construction_start = "2020-07-08",
            crediting_start = "2021-12-16",
            crediting_years = 10,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await ServerFixture.Json(response)).GetProperty("id").GetString()!;
    }

    private async Task Publish(string project)
    {
        var response = await server.As(ServerFixture.Spic).PostAsJsonAsync($"/api/v1/projects/{project}/publish", new { vvb_subject_id = ServerFixture.CqcSubject });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static MultipartFormDataContent Form(string? kind, byte[] bytes, string fileName, string declaredType = "application/pdf", string? reductionId = null)
    {
        var form = new MultipartFormDataContent();
        if (kind is not null) form.Add(new StringContent(kind), "kind");
        if (reductionId is not null) form.Add(new StringContent(reductionId), "reduction_id");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(declaredType);
        form.Add(file, "file", fileName);
        return form;
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> Upload(string? key, string project, MultipartFormDataContent form)
    {
        var response = await server.As(key).PostAsync($"/api/v1/projects/{project}/documents", form);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement);
    }

    private async Task<JsonElement> Uploaded(string key, string project, MultipartFormDataContent form)
    {
        var (status, body) = await Upload(key, project, form);
        Assert.True(status == HttpStatusCode.Created, $"{(int)status} {body}");
        return body;
    }

    private async Task<int> Count(string project, string key = ServerFixture.Admin) =>
        (await ServerFixture.Json(await server.As(key).GetAsync($"/api/v1/projects/{project}/documents"))).GetArrayLength();

    private static void Refused((HttpStatusCode Status, JsonElement Body) result, HttpStatusCode status, string type)
    {
        Assert.True(result.Status == status, $"{(int)result.Status} {result.Body}");
        Assert.Equal(type, result.Body.GetProperty("type").GetString());
    }

    [Fact]
    public async Task a_design_document_is_stored_with_its_hash_hidden_while_drafted_and_downloadable_once_published()
    {
        var project = await Draft();
        var uploaded = await Uploaded(ServerFixture.Spic, project, Form("design_document", Pdf, "设计文件 v1.pdf", declaredType: "application/octet-stream"));
        var sha = Convert.ToHexStringLower(SHA256.HashData(Pdf));
        Assert.Equal(sha, uploaded.GetProperty("sha256").GetString());
        Assert.Equal("application/pdf", uploaded.GetProperty("content_type").GetString());
        Assert.Equal(Pdf.Length, uploaded.GetProperty("size_bytes").GetInt64());
        Assert.False(uploaded.GetProperty("disclosed").GetBoolean());
        var id = uploaded.GetProperty("id").GetString()!;

        foreach (var outsider in new string?[] { null, ServerFixture.Wufeng, ServerFixture.VvbCqc, ServerFixture.Cement })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await server.As(outsider).GetAsync($"/api/v1/documents/{id}")).StatusCode);
            var hidden = await server.As(outsider).GetAsync($"/api/v1/documents/{id}/content");
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
            Assert.Equal("/problems/not-found", (await ServerFixture.Json(hidden)).GetProperty("type").GetString());
            Assert.Equal(0, await Count(project, outsider!));
        }
        foreach (var insider in new[] { ServerFixture.Spic, ServerFixture.Admin, ServerFixture.Regulator })
        {
            var listed = (await ServerFixture.Json(await server.As(insider).GetAsync($"/api/v1/projects/{project}/documents"))).EnumerateArray().Single();
            Assert.Equal(sha, listed.GetProperty("sha256").GetString());
        }

        await Publish(project);
        var metadata = await ServerFixture.Json(await server.As(null).GetAsync($"/api/v1/documents/{id}"));
        Assert.Equal(sha, metadata.GetProperty("sha256").GetString());
        Assert.True(metadata.GetProperty("disclosed").GetBoolean());
        Assert.Equal("design_document", metadata.GetProperty("kind").GetString());
        Assert.Equal(SpicSubject, metadata.GetProperty("uploaded_by").GetProperty("subject_id").GetString());
        var download = await server.As(null).GetAsync($"/api/v1/documents/{id}/content");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal($"\"{sha}\"", download.Headers.ETag!.Tag);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("设计文件 v1.pdf", download.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        var listedPublicly = (await ServerFixture.Json(await server.As(null).GetAsync($"/api/v1/projects/{project}/documents"))).EnumerateArray().Single();
        Assert.Equal(sha, listedPublicly.GetProperty("sha256").GetString());
    }

    [Fact]
    public async Task a_pdf_whose_bytes_are_an_executable_is_refused_and_nothing_is_stored()
    {
        var project = await Draft();
        byte[] executable = [.. "MZ"u8, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, .. "This program cannot be run in DOS mode."u8];
        Refused(await Upload(ServerFixture.Spic, project, Form("design_document", executable, "design.pdf")),
            HttpStatusCode.UnsupportedMediaType, "/problems/unsupported-media-type");
        Refused(await Upload(ServerFixture.Spic, project, Form("evidence", Pdf, "design.exe")),
            HttpStatusCode.UnsupportedMediaType, "/problems/unsupported-media-type");
        Refused(await Upload(ServerFixture.Spic, project, Form("evidence", Pdf, "photo.png", declaredType: "image/png")),
            HttpStatusCode.UnsupportedMediaType, "/problems/unsupported-media-type");
        var json = await server.As(ServerFixture.Spic).PostAsJsonAsync($"/api/v1/projects/{project}/documents", new { kind = "evidence" });
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Equal(0, await Count(project));
    }

    [Fact]
    public async Task a_document_over_the_size_limit_is_refused_with_413_and_nothing_is_stored()
    {
        var project = await Draft();
        var large = new byte[20 * 1024 * 1024 + 1];
        Pdf.CopyTo(large, 0);
        Refused(await Upload(ServerFixture.Spic, project, Form("design_document", large, "large.pdf")),
            HttpStatusCode.RequestEntityTooLarge, "/problems/payload-too-large");
        var atLimit = large.AsSpan(0, 20 * 1024 * 1024).ToArray();
        var (status, body) = await Upload(ServerFixture.Spic, project, Form("design_document", atLimit, "exactly-at-limit.pdf"));
        Assert.True(status == HttpStatusCode.Created, $"{(int)status} {body}");
        Assert.Equal(1, await Count(project));
    }

    [Fact]
    public async Task another_organisations_owner_is_forbidden_and_the_anonymous_public_must_sign_in()
    {
        var project = await Draft();
        Refused(await Upload(ServerFixture.Wufeng, project, Form("design_document", Pdf, "design.pdf")), HttpStatusCode.Forbidden, "/problems/forbidden");
        Refused(await Upload(ServerFixture.Regulator, project, Form("design_document", Pdf, "design.pdf")), HttpStatusCode.Forbidden, "/problems/forbidden");
        var (anonymous, _) = await Upload(null, project, Form("design_document", Pdf, "design.pdf"));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous);
        Refused(await Upload(ServerFixture.Spic, Guid.NewGuid().ToString(), Form("design_document", Pdf, "design.pdf")),
            HttpStatusCode.NotFound, "/problems/not-found");
        Assert.Equal(0, await Count(project));
    }

    [Fact]
    public async Task only_the_named_vvb_uploads_the_validation_report_which_is_public_once_submitted()
    {
        var project = await Draft();
        await Publish(project);
        Refused(await Upload(ServerFixture.Spic, project, Form("validation_report", Pdf, "validation.pdf")), HttpStatusCode.Forbidden, "/problems/forbidden");
        Refused(await Upload(ServerFixture.VvbCec, project, Form("validation_report", Pdf, "validation.pdf")), HttpStatusCode.Forbidden, "/problems/forbidden");
        Refused(await Upload(ServerFixture.VvbCqc, project, Form("design_document", Pdf, "design.pdf")), HttpStatusCode.Forbidden, "/problems/forbidden");
        var report = await Uploaded(ServerFixture.VvbCqc, project, Form("validation_report", Pdf, "validation.pdf"));
        Assert.False(report.GetProperty("disclosed").GetBoolean());
        Assert.Equal("vvb", report.GetProperty("uploaded_by").GetProperty("role").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await server.As(null).GetAsync($"/api/v1/documents/{report.GetProperty("id").GetString()}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.As(ServerFixture.VvbCqc).GetAsync($"/api/v1/documents/{report.GetProperty("id").GetString()}")).StatusCode);
        Assert.Equal(1, await Count(project, ServerFixture.VvbCqc));
    }

    [Fact]
    public async Task missing_or_malformed_fields_are_invalid_input()
    {
        var project = await Draft();
        Refused(await Upload(ServerFixture.Spic, project, Form(null, Pdf, "design.pdf")), HttpStatusCode.BadRequest, "/problems/invalid-input");
        Refused(await Upload(ServerFixture.Spic, project, Form("brochure", Pdf, "design.pdf")), HttpStatusCode.BadRequest, "/problems/invalid-input");
        Refused(await Upload(ServerFixture.Spic, project, Form("design_document", [], "design.pdf")), HttpStatusCode.BadRequest, "/problems/invalid-input");
        Refused(await Upload(ServerFixture.Spic, project, Form("monitoring_report", Pdf, "report.pdf")), HttpStatusCode.BadRequest, "/problems/invalid-input");
        Refused(await Upload(ServerFixture.Spic, project, Form("design_document", Pdf, "design.pdf", reductionId: Guid.NewGuid().ToString())),
            HttpStatusCode.BadRequest, "/problems/invalid-input");
        Refused(await Upload(ServerFixture.Spic, project, Form("evidence", Pdf, "design.pdf", reductionId: "not-a-uuid")),
            HttpStatusCode.BadRequest, "/problems/invalid-input");
        Refused(await Upload(ServerFixture.Spic, project, Form("evidence", Pdf, "design.pdf", reductionId: Guid.NewGuid().ToString())),
            HttpStatusCode.NotFound, "/problems/not-found");
        var broken = new StringContent("--x\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nevidence", Encoding.UTF8);
        broken.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");
        var response = await server.As(ServerFixture.Spic).PostAsync($"/api/v1/projects/{project}/documents", broken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await Count(project));
    }
}
