using System.Net.Http.Headers;
using System.Text;

namespace OpenCcer.Reliability.Tests;

/// <summary>
/// Generates hostile requests for an operation from a seed: malformed, oversized, wrongly typed and
/// boundary-valued JSON, bad UTF-8, deep nesting, wrong content types, odd path and query values, and a
/// random caller (anonymous, every demo role, a made-up key). Some values are real ids, so requests
/// also reach the checks behind validation.
/// </summary>
public sealed class HostileRequests(int seed, IReadOnlyList<string> knownIds)
{
    private readonly Random random = new(seed);

    /// <summary>Callers: null is anonymous; the rest are sent as X-Api-Key.</summary>
    public static readonly string?[] Callers =
    [
        null, "ccer-demo-registry-admin", "ccer-demo-regulator", "ccer-demo-exchange", "ccer-demo-owner-spic",
        "ccer-demo-owner-wufeng", "ccer-demo-vvb-cqc", "ccer-demo-vvb-cec", "ccer-demo-buyer-cement", "not-a-key",
        new string('k', 4000),
    ];

    private static readonly string[] IntegerValues =
    [
        "0", "-1", "1", "2", "3", "7", "100", "9223372036854775807", "-9223372036854775808", "9223372036854775808",
        "2147483647", "2147483648", "1.5", "1e3", "1e400", "-0", "\"12\"", "\"abc\"", "true", "null", "[]", "{}", "\"\"",
    ];

    private static readonly string[] NumberValues =
    [
        "0", "-1", "0.58", "1e308", "-1e308", "1e400", "5e-324", "\"NaN\"", "\"Infinity\"", "\"0.9\"", "null", "[]", "true",
    ];

    private static readonly string[] DateValues =
    [
        "\"2026-03-02\"", "\"2024-01-01\"", "\"0001-01-01\"", "\"9999-12-31\"", "\"2026-02-30\"", "\"2026-13-01\"", "\"x\"",
        "\"2026-03-02T10:00:00Z\"", "20260302", "null",
    ];

    private static readonly string[] WordValues =
    [
        "\"\"", "\"x\"", "\"to_trading\"", "\"from_trading\"", "\"inheritance\"", "\"court_order\"", "\"voluntary_public_interest\"",
        "\"SD-OW-0001\"", "\"GD-OW-0002\"", "\"registry\"", "\"trading\"", "\"restricted\"", "\"active\"", "\"closed\"",
        "\"project-owner\"", "\"registry-administrator\"", "\"legal_person\"", "\"design_document\"", "\"North China\"",
        "\"CCER-01-002-V01\"", "\"Shandong\"", "\"registry.admin\"", "\"Ccer-demo-2026!\"", "\"91370000MA3CSPIC01\"",
        "\"' OR 1=1 --\"", "\"\\u0000\"", "\"\\ud800\"", "\"<script>alert(1)</script>\"", "\"../../etc/passwd\"",
        "123", "null", "[]", "{}", "true", "-1",
    ];

    private static readonly string[] RawBodies =
    [
        "", "{", "}", "[]", "null", "\"s\"", "123", "true", "{\"a\":}", "{'a':1}", "{\"operation_id\":\"x\",}",
        "{\"operation_id\":\"x\" \"b\":1}", "{\"quantity_tonnes\":1,\"quantity_tonnes\":2}", "\u0000", "{\"a\":1}garbage",
        "[{\"a\":1}]", "{\"\":\"\"}", "\uFEFF{}",
    ];

    private static readonly string[] PathIntegers =
    [
        "1", "2", "3", "4", "0", "-1", "9223372036854775807", "-9223372036854775808", "9223372036854775808", "1.5", "abc",
        new string('9', 3000), "%00", "1%20",
    ];

    private static readonly string[] PathStrings =
    [
        "none", "not-a-guid", "00000000-0000-0000-0000-000000000000", "%00", "%FF%FE", "%C3%28", "..", "%2e%2e%2f%2e%2e",
        new string('a', 3000), Uri.EscapeDataString("碳信用"), "' OR 1=1 --", "SD-OW-0001", "CCER-01-002-V01", "CCER",
    ];

    public HttpRequestMessage Next(OpenApiOperation op, out string description)
    {
        var path = op.Path;
        foreach (var p in op.PathParameters) path = path.Replace("{" + p.Name + "}", PathValue(p), StringComparison.Ordinal);
        var query = new List<string>();
        foreach (var q in op.QueryParameters)
            if (random.Next(10) < 7) query.Add(q.Name + "=" + QueryValue(q));
        if (random.Next(20) == 0) query.Add("unknown=" + Uri.EscapeDataString("%%"));
        var method = random.Next(50) == 0 ? Pick(["PUT", "DELETE", "PATCH", "GET", "POST"]) : op.Method;
        var request = new HttpRequestMessage(new HttpMethod(method), path + (query.Count > 0 ? "?" + string.Join('&', query) : ""));
        var caller = Pick(Callers);
        if (caller is not null)
        {
            if (random.Next(10) == 0) request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + caller);
            else request.Headers.TryAddWithoutValidation("X-Api-Key", caller);
        }
        var bodyKind = "none";
        if (method is "POST" or "PUT" or "PATCH") request.Content = Body(op, out bodyKind);
        // A server may answer before reading a large body (401, 404, 413) and close the connection; with
        // 100-continue the client sends the body only when the server asks for it, as real clients do.
        if (request.Content?.Headers.ContentLength > 64 * 1024) request.Headers.ExpectContinue = true;
        description = $"{method} {request.RequestUri} as {(caller is null ? "anonymous" : caller.Length > 40 ? "long-key" : caller)}, body {bodyKind}";
        return request;
    }

    private T Pick<T>(IReadOnlyList<T> values) => values[random.Next(values.Count)];

    private string PathValue(FieldShape p)
    {
        if (p.Type == "integer") return Pick(PathIntegers);
        if (knownIds.Count > 0 && random.Next(3) == 0) return Pick(knownIds);
        return random.Next(4) == 0 ? Guid.CreateVersion7().ToString() : Pick(PathStrings);
    }

    private string QueryValue(FieldShape q) => q.Type == "integer"
        ? Pick(["0", "-1", "1", "10", "500", "501", "9223372036854775807", "9223372036854775808", "abc", "", "1e3", new string('9', 2000)])
        : Uri.EscapeDataString(Pick(["", "x", "in_public_notice", "registered", "CCER-01-002-V01", "Shandong", "SD-OW-0001", new string('q', 2000), "碳", "%", "' OR 1=1 --"]));

    private HttpContent Body(OpenApiOperation op, out string kind)
    {
        var roll = random.Next(100);
        if (op.BodyProperties is null && roll < 60) return Multipart(out kind);
        if (roll < 55 && op.BodyProperties is not null)
        {
            kind = "typed";
            return Json(TypedBody(op.BodyProperties));
        }
        if (roll < 70)
        {
            kind = "raw";
            return Json(Pick(RawBodies));
        }
        if (roll < 78)
        {
            kind = "wrong-content-type";
            var content = new StringContent(op.BodyProperties is null ? "{}" : TypedBody(op.BodyProperties), Encoding.UTF8);
            content.Headers.ContentType = Pick<MediaTypeHeaderValue?>([new("text/plain"), new("application/xml"), new("application/x-www-form-urlencoded"),
                null, new("application/json") { CharSet = "utf-16" }, new("application/json-patch+json"), new("multipart/form-data")]);
            return content;
        }
        if (roll < 86)
        {
            kind = "bad-utf8";
            var prefix = Encoding.UTF8.GetBytes("{\"operation_id\":\"");
            byte[][] bad = [[0xC3, 0x28], [0xFF, 0xFE], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xC0, 0xAF]];
            var bytes = prefix.Concat(Pick(bad)).Concat(Encoding.UTF8.GetBytes("\",\"quantity_tonnes\":1}")).ToArray();
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return content;
        }
        if (roll < 94)
        {
            kind = "deep";
            var depth = Pick([33, 64, 1000, 100_000]);
            var open = random.Next(2) == 0 ? "[" : "{\"a\":";
            var close = open == "[" ? "]" : "}";
            var sb = new StringBuilder("{\"operation_id\":");
            for (var i = 0; i < depth; i++) sb.Append(open);
            for (var i = 0; i < depth; i++) sb.Append(close);
            return Json(sb.Append('}').ToString());
        }
        kind = "oversized";
        var size = Pick([100_000, 1_100_000, 3_000_000]);
        return Json("{\"operation_id\":\"" + new string('x', size) + "\",\"reason\":\"" + new string('y', 1000) + "\"}");
    }

    private string TypedBody(IReadOnlyList<FieldShape> properties)
    {
        var parts = new List<string>();
        foreach (var p in properties)
        {
            if (random.Next(100) < 12) continue;
            parts.Add($"\"{p.Name}\":{Value(p)}");
        }
        if (random.Next(10) == 0) parts.Add("\"unexpected_field\":" + Pick(WordValues));
        return "{" + string.Join(',', parts) + "}";
    }

    private string Value(FieldShape p)
    {
        if (p.Name == "operation_id" && random.Next(2) == 0) return $"\"hostile-{Guid.CreateVersion7():N}\"";
        if (random.Next(40) == 0) return "\"" + new string('界', random.Next(2) == 0 ? 300 : 60_000) + "\"";
        if (random.Next(15) == 0 && knownIds.Count > 0) return "\"" + Pick(knownIds) + "\"";
        return p.Type switch
        {
            "integer" => Pick(IntegerValues),
            "number" => Pick(NumberValues),
            "boolean" => Pick(["true", "false", "0", "\"yes\"", "null"]),
            "array" => Pick(["[]", "[1,2]", "[\"a\"]", "[null]", "{}", "\"a\"", "[[[]]]"]),
            "object" => Pick(["{}", "{\"a\":1}", "[]", "null", "\"x\""]),
            _ when p.Format == "date" => Pick(DateValues),
            _ when p.Format == "uuid" => random.Next(2) == 0 ? $"\"{Guid.CreateVersion7()}\"" : Pick(WordValues),
            _ => Pick(WordValues),
        };
    }

    private MultipartFormDataContent Multipart(out string kind)
    {
        kind = "multipart";
        var content = new MultipartFormDataContent();
        if (random.Next(4) != 0) content.Add(new StringContent(Pick(["design_document", "monitoring_report", "x", "", new string('k', 5000)])), "kind");
        if (random.Next(3) == 0) content.Add(new StringContent(Pick(["", "x", Guid.CreateVersion7().ToString()])), "reduction_id");
        if (random.Next(5) != 0)
        {
            var bytes = Pick<byte[]>(["%PDF-1.7\n%%EOF"u8.ToArray(), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "MZ\u0090\0"u8.ToArray(), [],
                "<html><script>alert(1)</script></html>"u8.ToArray(), new byte[random.Next(2) == 0 ? 10 : 1_200_000]]);
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue(Pick(["application/pdf", "image/png", "text/html", "application/octet-stream"]));
            if (bytes.Length > 1024 * 1024) kind = "multipart-oversized";
            content.Add(file, "file", Pick(["a.pdf", "a.png", "a.exe", "../../a.pdf", " .pdf", "设计.pdf", new string('n', 3000) + ".pdf"]));
        }
        return content;
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");
}
