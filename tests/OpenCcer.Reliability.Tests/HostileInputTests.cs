using System.Net;
using System.Text.Json;
using OpenCcer.Storage;
using Xunit.Abstractions;

namespace OpenCcer.Reliability.Tests;

/// <summary>
/// Sends generated hostile requests to every operation of the server's OpenAPI document, with the
/// server in its own process on a SQLite file. Zero 5xx; every refusal is problem details; a refused
/// request changes nothing (the store's fingerprint is taken after every request). The count comes from
/// OPENCCER_HOSTILE_REQUESTS (default 10,000) and the seed from OPENCCER_SEED.
/// </summary>
public sealed class HostileInputTests(ITestOutputHelper output)
{
    [Fact]
    public async Task hostile_requests_get_no_5xx_only_problem_details_and_change_nothing_when_refused()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("OPENCCER_SEED"), out var s) ? s : Random.Shared.Next();
        var total = int.TryParse(Environment.GetEnvironmentVariable("OPENCCER_HOSTILE_REQUESTS"), out var n) ? n : 10_000;
        output.WriteLine($"seed {seed} (OPENCCER_SEED={seed} replays), {total} requests");
        var connectionString = TestStores.New("sqlite");
        await using var server = await ServerProcess.StartAsync(connectionString, null, "--Auth:SignInPermitsPerMinute", "1000000");
        using var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(60) };

        var document = JsonDocument.Parse(await http.GetStringAsync("/openapi/v1.json")).RootElement;
        var operations = OpenApiOperation.Read(document);
        Assert.True(operations.Count > 40, $"only {operations.Count} operations in the OpenAPI document");
        // The exchange's writes are in the document, so they get the same hostile requests (wrong roles included).
        string[] exchange =
        [
            "POST /api/v1/exchange/markets/{projectCode}/{vintage}/listings", "POST /api/v1/exchange/markets/{projectCode}/{vintage}/listings/{id}/take",
            "POST /api/v1/exchange/markets/{projectCode}/{vintage}/take-best", "POST /api/v1/exchange/markets/{projectCode}/{vintage}/listings/{id}/cancel",
            "POST /api/v1/exchange/cash/deposits", "POST /api/v1/exchange/close", "POST /api/v1/exchange/settlements",
        ];
        var missing = exchange.Except(operations.Select(o => $"{o.Method.ToUpperInvariant()} {o.Path}")).ToList();
        Assert.True(missing.Count == 0, "exchange operations missing from the OpenAPI document: " + string.Join(", ", missing));
        var knownIds = await KnownIds(http);
        var generator = new HostileRequests(seed, knownIds);
        var fingerprint = new StoreFingerprint(connectionString);
        var before = await fingerprint.TakeAsync();

        var failures = new List<string>();
        var statuses = new SortedDictionary<int, int>();
        var accepted = 0;
        var protocolRefusals = 0;
        var closedConnections = 0;
        for (var i = 0; i < total && failures.Count < 30; i++)
        {
            var op = operations[i % operations.Count];
            using var request = generator.Next(op, out var description);
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request);
            }
            catch (HttpRequestException e) when (ParserRefuses(request))
            {
                // Kestrel refuses a malformed request line before reading the body and closes the
                // connection; a client still sending the body may see the reset instead of the 400.
                // Nothing ran, so nothing may have changed.
                protocolRefusals++;
                var after = await fingerprint.TakeAsync();
                if (after != before) failures.Add($"{description}: refused by the HTTP parser (connection reset: {e.Message}) but the store changed");
                continue;
            }
            catch (HttpRequestException e)
            {
                // The server may answer a large body early (an oversized one, or any body sent to an
                // operation that reads none, such as a 405) and close the connection while the client is
                // still sending. The client cannot tell the answer: an endpoint that takes no body may
                // have accepted the request, so the store is read again as the new baseline.
                if (!LargeBody(request)) failures.Add($"{description}: connection failed: {e.Message}");
                before = await fingerprint.TakeAsync();
                closedConnections++;
                continue;
            }
            using (response)
            {
                var status = (int)response.StatusCode;
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
                var body = await response.Content.ReadAsStringAsync();
                // Reads are checked in bulk: the next write's baseline would show any change they made.
                var after = request.Method == HttpMethod.Get ? before : await fingerprint.TakeAsync();
                if (status >= 500) failures.Add($"{description}: {status} {Cut(body)}");
                else if (IsProtocolRefusal(response, body))
                {
                    // Kestrel refuses malformed HTTP (a NUL in the path, a request line over 8 KiB) before
                    // any application code runs, with an empty body and a closed connection.
                    protocolRefusals++;
                    if (after != before) failures.Add($"{description}: refused by the HTTP parser but the store changed");
                }
                else if (status >= 400)
                {
                    var mediaType = response.Content.Headers.ContentType?.MediaType;
                    if (mediaType != "application/problem+json") failures.Add($"{description}: {status} with content type {mediaType ?? "none"}: {Cut(body)}");
                    else if (!IsProblem(body)) failures.Add($"{description}: {status} body is not problem details: {Cut(body)}");
                    if (after != before) failures.Add($"{description}: refused with {status} but the store changed (or a read before it did):\n  before {before}\n  after  {after}");
                }
                else if (request.Method != HttpMethod.Get) accepted++;
                before = after;
            }
        }
        if (await fingerprint.TakeAsync() != before) failures.Add("the reads after the last write changed the store");
        output.WriteLine($"accepted writes: {accepted}; refused by the HTTP parser: {protocolRefusals}; connections closed on large bodies: {closedConnections}; statuses: {string.Join(", ", statuses.Select(x => $"{x.Key}×{x.Value}"))}");
        Assert.True(failures.Count == 0, $"seed {seed}: {failures.Count} failures:\n" + string.Join("\n", failures) + "\nserver log:\n" + Cut(server.Log, 4000));
        Assert.True(statuses.Where(x => x.Key < 300).Sum(x => x.Value) > 100, "too few requests got through to be a meaningful test");

        await using var store = LedgerStore.Open(connectionString);
        var report = await JournalVerifier.VerifyAsync(store);
        Assert.True(report.IsSound, string.Join("\n", report.Problems));
    }

    /// <summary>A body big enough that the server may stop reading it and close the connection mid-send.</summary>
    private static bool LargeBody(HttpRequestMessage request) => request.Content?.Headers.ContentLength > 64 * 1024;

    /// <summary>A request Kestrel refuses at the request line: a NUL in the path, or a line over its 8 KiB limit.</summary>
    private static bool ParserRefuses(HttpRequestMessage request)
    {
        var uri = request.RequestUri?.OriginalString ?? "";
        return uri.Contains("%00", StringComparison.Ordinal) || uri.Length > 8 * 1024;
    }

    private static bool IsProtocolRefusal(HttpResponseMessage response, string body) =>
        response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestUriTooLong or HttpStatusCode.RequestHeaderFieldsTooLarge
        && body.Length == 0 && response.Content.Headers.ContentType is null && response.Headers.ConnectionClose == true;

    private static bool IsProblem(string body)
    {
        try
        {
            var root = JsonDocument.Parse(body).RootElement;
            return root.ValueKind == JsonValueKind.Object && root.TryGetProperty("type", out _) && root.TryGetProperty("status", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Ids that exist, so some requests reach the checks behind routing and validation.</summary>
    private static async Task<List<string>> KnownIds(HttpClient http)
    {
        var ids = new List<string>();
        foreach (var list in new[] { "/api/v1/projects?limit=50", "/api/v1/reductions?limit=50" })
        {
            var root = JsonDocument.Parse(await http.GetStringAsync(list)).RootElement;
            var items = root.ValueKind == JsonValueKind.Array ? root : root.EnumerateObject().First(p => p.Value.ValueKind == JsonValueKind.Array).Value;
            foreach (var item in items.EnumerateArray())
                if (item.TryGetProperty("id", out var id)) ids.Add(id.ToString());
        }
        Assert.NotEmpty(ids);
        return ids;
    }

    private static string Cut(string text, int max = 300) => text.Length <= max ? text : text[..max] + "...";
}
