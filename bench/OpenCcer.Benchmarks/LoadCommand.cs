using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace OpenCcer.Benchmarks;

/// <summary>
/// <c>load</c>: drives the HTTP API of a running server at increasing rates, open loop (requests are
/// sent on a schedule, whether or not earlier ones have returned), and reports per target and rate the
/// sustained requests per second and the p50/p99 latency, measured from when each request was due, so
/// queueing delay counts. Targets are measured one after another at each rate in the same run, and the
/// summary gives each target's highest sustained rate as a ratio to <c>/health</c>'s. A target stops
/// climbing once it sustains less than 90 % of the offered rate or fails requests.
/// Options: <c>--server URL</c> (default: start the built server on a fresh SQLite file with demo data),
/// <c>--store CONNECTION</c> (for the started server), <c>--rates 100,200,...</c>, <c>--seconds S</c> per step.
/// </summary>
public static class LoadCommand
{
    private const int InFlightMax = 512;

    private const string Buyer = "ccer-demo-buyer-cement";
    private static readonly ConcurrentQueue<long> OpenOrders = new();

    /// <summary>
    /// What is measured. Add a target here to measure another endpoint in the same run: a name and a
    /// function that sends request number n.
    /// </summary>
    private static IReadOnlyList<LoadTarget> Targets() =>
    [
        new("health", (http, _) => http.GetAsync("/health")),
        new("public project list", (http, _) => http.GetAsync("/api/v1/projects?limit=20")),
        new("transfer", (http, n) =>
        {
            // SPIC moves one tonne between its registry (1) and trading (2) accounts, alternating direction.
            var toTrading = n % 2 == 0;
            var body = $$"""{"operation_id":"load-{{Guid.CreateVersion7():N}}","from_account_id":{{(toTrading ? 1 : 2)}},"to_account_id":{{(toTrading ? 2 : 1)}},"project_code":"SD-OW-0001","vintage":2022,"quantity_tonnes":1,"reason":"{{(toTrading ? "to_trading" : "from_trading")}}"}""";
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/transfers") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add("X-Api-Key", "ccer-demo-owner-spic");
            return http.SendAsync(request);
        }),
        new("order", Order),
    ];

    /// <summary>
    /// The exchange's order endpoint: Jidong Cement posts a one-tonne buy listing on the demo instrument
    /// (GD-OW-0002 2024, below every sell, so it rests) and, on every other request, cancels one it posted,
    /// so the number of its open listings stays under the per-participant limit. Each is one journaled
    /// exchange command with its cash hold or release.
    /// </summary>
    private static async Task<HttpResponseMessage> Order(HttpClient http, long n)
    {
        var id = $"load-{Guid.CreateVersion7():N}";
        long listing = 0;
        var cancel = n % 2 == 1 && OpenOrders.TryDequeue(out listing);
        var request = cancel
            ? Post($"/api/v1/exchange/markets/GD-OW-0002/2024/listings/{listing}/cancel", $$"""{"operation_id":"{{id}}"}""")
            : Post("/api/v1/exchange/markets/GD-OW-0002/2024/listings", $$"""{"operation_id":"{{id}}","side":"buy","price_fen":5700,"quantity_tonnes":1}""");
        var response = await http.SendAsync(request);
        if (!cancel && response.IsSuccessStatusCode)
        {
            using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            OpenOrders.Enqueue(body.RootElement.GetProperty("order_id").GetInt64());
        }
        return response;
    }

    private static HttpRequestMessage Post(string path, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Api-Key", Buyer);
        return request;
    }

    /// <summary>Cash for the order target's buy listings: one deposit large enough for any run.</summary>
    private static async Task DepositAsync(HttpClient http)
    {
        using var response = await http.SendAsync(Post("/api/v1/exchange/cash/deposits",
            $$"""{"operation_id":"load-deposit-{{Guid.CreateVersion7():N}}","amount_fen":500000000}"""));
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"The load deposit was refused: {await response.Content.ReadAsStringAsync()}");
    }

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        string? server = null;
        var store = $"Data Source={Path.Combine(Path.GetTempPath(), $"openccer-load-{Guid.NewGuid():N}.db")}";
        int[] rates = [100, 200, 400, 800, 1600, 3200, 6400];
        var seconds = 5;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--server": server = args[i + 1]; break;
                case "--store": store = args[i + 1]; break;
                case "--rates": rates = args[i + 1].Split(',').Select(r => int.Parse(r, CultureInfo.InvariantCulture)).ToArray(); break;
                case "--seconds": seconds = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                default:
                    output.WriteLine($"unknown option {args[i]}; usage: load [--server URL] [--store CONNECTION] [--rates 100,200,...] [--seconds S]");
                    return 2;
            }
        }
        Process? started = null;
        if (server is null) (started, server) = await StartServerAsync(store, output);
        try
        {
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = InFlightMax, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
            {
                BaseAddress = new Uri(server),
                Timeout = TimeSpan.FromSeconds(30),
            };
            output.WriteLine($"load: {server}, rates {string.Join(", ", rates)} req/s, {seconds} s per step, {Environment.ProcessorCount} cores (client and server share them)");
            output.WriteLine($"{"target",-22} {"offered/s",10} {"sustained/s",12} {"p50 ms",8} {"p99 ms",8} {"errors",7}");
            var best = new Dictionary<string, double>();
            var saturated = new HashSet<string>();
            await DepositAsync(http);
            foreach (var target in Targets())
                for (var w = 0; w < 200; w++) await target.Send(http, w); // warm-up
            foreach (var rate in rates)
            {
                foreach (var target in Targets())
                {
                    if (saturated.Contains(target.Name)) continue;
                    var step = await RunStepAsync(http, target, rate, TimeSpan.FromSeconds(seconds));
                    output.WriteLine($"{target.Name,-22} {rate,10:N0} {step.Sustained,12:N0} {step.P50,8:F1} {step.P99,8:F1} {step.Errors,7:N0}");
                    if (step.Errors == 0) best[target.Name] = Math.Max(best.GetValueOrDefault(target.Name), step.Sustained);
                    if (step.Sustained < 0.9 * rate || step.Errors > 0) saturated.Add(target.Name);
                }
                if (saturated.Count == Targets().Count) break;
            }
            output.WriteLine("highest sustained rate without errors, and its ratio to /health:");
            var health = best.GetValueOrDefault("health", double.NaN);
            foreach (var (name, value) in best)
                output.WriteLine($"  {name,-22} {value,8:N0}/s  {value / health,6:P0}");
            return 0;
        }
        finally
        {
            if (started is not null)
            {
                started.Kill(entireProcessTree: true);
                await started.WaitForExitAsync();
            }
        }
    }

    private sealed record StepResult(double Sustained, double P50, double P99, long Errors);

    private static async Task<StepResult> RunStepAsync(HttpClient http, LoadTarget target, int rate, TimeSpan duration)
    {
        var latencies = new ConcurrentBag<double>();
        long errors = 0;
        var inFlight = 0;
        var tasks = new List<Task>();
        var clock = Stopwatch.StartNew();
        var interval = 1.0 / rate;
        long n = 0;
        while (clock.Elapsed < duration)
        {
            var now = clock.Elapsed.TotalSeconds;
            while (n * interval <= now && n * interval < duration.TotalSeconds)
            {
                var due = n * interval;
                var number = n++;
                if (Interlocked.Increment(ref inFlight) > InFlightMax)
                {
                    Interlocked.Decrement(ref inFlight);
                    Interlocked.Increment(ref errors); // the client cannot keep up: counted as a failure to sustain the rate
                    continue;
                }
                tasks.Add(Task.Run(async () =>
                {
                    try
                    {
                        using var response = await target.Send(http, number);
                        if (!response.IsSuccessStatusCode) Interlocked.Increment(ref errors);
                        else latencies.Add((clock.Elapsed.TotalSeconds - due) * 1000);
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or SocketException)
                    {
                        Interlocked.Increment(ref errors);
                    }
                    finally
                    {
                        Interlocked.Decrement(ref inFlight);
                    }
                }));
            }
            await Task.Delay(1);
        }
        await Task.WhenAll(tasks);
        var elapsed = clock.Elapsed.TotalSeconds;
        var sorted = latencies.Order().ToArray();
        double Percentile(double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
        return new StepResult(sorted.Length / elapsed, Percentile(0.50), Percentile(0.99), errors);
    }

    private static async Task<(Process, string)> StartServerAsync(string store, TextWriter output)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "OpenCcer.slnx"))) root = root.Parent;
        var dll = Path.Combine(root?.FullName ?? ".", "src", "OpenCcer.Server", "bin", "Release", "net10.0", "OpenCcer.Server.dll");
        if (!File.Exists(dll)) throw new InvalidOperationException($"Build the server in Release first: {dll} is missing.");
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var address = $"http://127.0.0.1:{((System.Net.IPEndPoint)listener.LocalEndpoint).Port}";
        listener.Stop();
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        // The always-open demo clock, so orders can be measured at any hour.
        foreach (var a in new[] { "exec", dll, "--urls", address, "--ConnectionStrings:Registry", store, "--Exchange:AlwaysOpenDemo", "true" })
            start.ArgumentList.Add(a);
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var probe = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(2) };
        for (var i = 0; i < 600; i++)
        {
            try
            {
                if ((await probe.GetAsync("/health")).IsSuccessStatusCode)
                {
                    output.WriteLine($"started the server on {address} ({store.Split(';')[0]})");
                    return (process, address);
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            await Task.Delay(100);
        }
        process.Kill(entireProcessTree: true);
        throw new TimeoutException("The server did not start within 60 s.");
    }
}

/// <summary>One endpoint under load: its name and how to send request number n.</summary>
public sealed record LoadTarget(string Name, Func<HttpClient, long, Task<HttpResponseMessage>> Send);
