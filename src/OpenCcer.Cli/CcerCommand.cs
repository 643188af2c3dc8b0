using System.CommandLine;
using OpenCcer.Storage;

namespace OpenCcer.Cli;

/// <summary>The <c>ccer</c> command: its verbs and the exit codes they share.</summary>
internal static class CcerCommand
{
    public const int Success = 0;
    public const int Failed = 1;
    public const int BadInput = 2;

    public const string DefaultStore = "Data Source=data/openccer.db";

    /// <summary>The store option every verb that touches the registry takes.</summary>
    public static Option<string> StoreOption() => new("--store")
    {
        Description = "Connection string: 'Data Source=<file>' for SQLite (default data/openccer.db) or 'Host=...;Database=...' for PostgreSQL.",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("OPENCCER_STORE") ?? DefaultStore,
    };

    /// <summary>A verb whose action works on the store named by <c>--store</c>, opened before it and closed after it.</summary>
    public static Command OnStore(string name, string description, Func<LedgerStore, TextWriter, CancellationToken, Task<int>> action)
    {
        var store = StoreOption();
        var command = new Command(name, description) { store };
        command.SetAction(async (parse, ct) =>
        {
            await using var ledgerStore = LedgerStore.Open(parse.GetValue(store)!);
            return await action(ledgerStore, parse.InvocationConfiguration.Output, ct);
        });
        return command;
    }

    private static readonly HttpClient SharedHttp = new() { Timeout = TimeSpan.FromSeconds(100) };

    public static RootCommand Create(Func<Uri, HttpClient>? http = null)
    {
        http ??= _ => SharedHttp;
        var root = new RootCommand("ccer: the OpenCCER command line (registry, verification, exports).");
        root.Subcommands.Add(SeedCommand.Create());
        root.Subcommands.Add(VerifyCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(BackupCommand.Backup());
        root.Subcommands.Add(BackupCommand.Restore());
        root.Subcommands.Add(CalcCommand.Create());
        root.Subcommands.Add(CalendarCommand.Create());
        root.Subcommands.Add(LifecycleCommand.Project(http));
        root.Subcommands.Add(LifecycleCommand.Reduction(http));
        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken ct = default,
        Func<Uri, HttpClient>? http = null)
    {
        var config = new InvocationConfiguration { Output = output, Error = error };
        var parsed = Create(http).Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var e in parsed.Errors) await error.WriteLineAsync(e.Message);
            await error.WriteLineAsync("Run 'ccer --help' for usage.");
            return BadInput;
        }
        return await parsed.InvokeAsync(config, ct);
    }
}
