using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OpenCcer.Reliability.Tests;

/// <summary>
/// The built server run as a separate process (<c>dotnet exec OpenCcer.Server.dll</c>) on 127.0.0.1 and a
/// free port, so tests can kill it with SIGKILL and start it again on the same store.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder log = new();

    private ServerProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    public string Log
    {
        get { lock (log) return log.ToString(); }
    }

    /// <summary>The server's dll next to the server project's build output of the configuration these tests were built in.</summary>
    public static string ServerDll()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = here.Parent!.Name; // bin/<configuration>/net10.0/
        var root = here;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "OpenCcer.slnx"))) root = root.Parent;
        if (root is null) throw new InvalidOperationException("Cannot find the repository root above " + here.FullName);
        var dll = Path.Combine(root.FullName, "src", "OpenCcer.Server", "bin", configuration, "net10.0", "OpenCcer.Server.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"Build the server first: {dll} is missing.");
    }

    public static async Task<ServerProcess> StartAsync(string connectionString, int? port = null, params string[] settings)
    {
        port ??= FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(ServerDll());
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address.ToString().TrimEnd('/'));
        start.ArgumentList.Add("--ConnectionStrings:Registry");
        start.ArgumentList.Add(connectionString);
        // The content root is not the server's folder, so appsettings.json is not read: the tests trade at any
        // hour on the always-open demo clock (a trading day closes at midnight China Standard Time).
        start.ArgumentList.Add("--Exchange:AlwaysOpenDemo");
        start.ArgumentList.Add("true");
        foreach (var s in settings) start.ArgumentList.Add(s);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var server = new ServerProcess(process, address);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var limit = int.TryParse(Environment.GetEnvironmentVariable("OPENCCER_SERVER_START_SECONDS"), out var l) ? l : 300;
            await server.WaitUntilHealthyAsync(TimeSpan.FromSeconds(limit), TimeSpan.FromSeconds(60));
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (log) if (log.Length < 200_000) log.AppendLine(line);
    }

    /// <summary>
    /// Waits for <c>/health</c>. A loaded machine only slows a start down, so the limit is generous
    /// (OPENCCER_SERVER_START_SECONDS, default 300 s); but a server that exits fails at once, and one that
    /// stops using the processor for <paramref name="stall"/> without answering (a hang, a lock that is
    /// never granted) fails then, instead of waiting out the limit.
    /// </summary>
    private async Task WaitUntilHealthyAsync(TimeSpan timeout, TimeSpan stall)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var started = Stopwatch.StartNew();
        var cpu = TimeSpan.Zero;
        var lastProgress = started.Elapsed;
        while (started.Elapsed < timeout)
        {
            if (process.HasExited) throw new InvalidOperationException($"The server exited with {process.ExitCode} after {started.Elapsed}:\n{Log}");
            try
            {
                if ((await http.GetAsync("/health")).StatusCode == HttpStatusCode.OK)
                {
                    StartTime = started.Elapsed;
                    return;
                }
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            try
            {
                process.Refresh();
                var now = process.TotalProcessorTime;
                if (now - cpu >= TimeSpan.FromMilliseconds(20))
                {
                    cpu = now;
                    lastProgress = started.Elapsed;
                }
            }
            catch (InvalidOperationException) { } // exited between the checks: reported above on the next turn
            if (started.Elapsed - lastProgress > stall)
                throw new TimeoutException($"The server has used no processor time for {stall} and does not answer /health " +
                    $"({started.Elapsed} after the start, {cpu} of processor time): it is stuck, not slow:\n{Log}");
            await Task.Delay(100);
        }
        throw new TimeoutException($"The server did not answer /health within {timeout} (OPENCCER_SERVER_START_SECONDS), {cpu} of processor time:\n{Log}");
    }

    /// <summary>How long the start took until <c>/health</c> answered.</summary>
    public TimeSpan StartTime { get; private set; }

    /// <summary>Kills the process at once (SIGKILL on Linux): no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
    }
}
