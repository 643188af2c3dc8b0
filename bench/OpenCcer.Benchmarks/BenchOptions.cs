using System.Globalization;

namespace OpenCcer.Benchmarks;

/// <summary>The command line: a verb (<c>registry</c> by default, or <c>methodologies</c>) and options.</summary>
public sealed record BenchOptions(
    string Verb,
    string? PostgresConnectionString,
    string PgBenchPath,
    int Seconds,
    int Clients,
    int DeepClients,
    IReadOnlySet<string> Parts)
{
    /// <summary>Transfers each client keeps in flight in the batched durable runs (1 = one at a time).</summary>
    public int Pipeline { get; init; } = PipelineDefault;

    public const int PipelineDefault = 64;

    /// <summary>A recorded command stream for the matching benchmark; null generates one.</summary>
    public string? StreamFile { get; init; }

    /// <summary>Where the matching benchmark writes the stream it replays (format of docs/exchange-command-stream.md); null writes none.</summary>
    public string? RecordFile { get; init; }

    /// <summary>The parts of the registry benchmark, in the order they run.</summary>
    public static readonly IReadOnlyList<string> PartNames = ["core", "sqlite", "postgresql"];

    public bool Runs(string part) => Parts.Contains(part);

    public const int SecondsDefault = 15;
    public const int ClientsDefault = 16;
    public const int DeepClientsDefault = 256;
    public const int ClientsMax = 1024;
    public const int SecondsMax = 3600;

    public const string Usage = """
        usage: OpenCcer.Benchmarks [registry|methodologies|matching] [options]

          registry        core ledger, durable transfers on SQLite and PostgreSQL, pgbench comparison (default)
          methodologies   methodology calculator benchmarks
          matching        exchange matching core against the naive reference book (--stream <file> replays a
                          recorded command stream, see docs/exchange-command-stream.md; default: 1,000,000 generated;
                          --record <file> writes the replayed stream in that format)

        options (registry):
          --postgres <cs>   PostgreSQL connection string of a maintenance database (e.g. Database=postgres);
                            the benchmark creates and drops its own databases. Without it the PostgreSQL
                            part and pgbench are skipped.
          --pgbench <path>  pgbench executable (default: pgbench on the PATH)
          --seconds N       measured time of each durable benchmark and of pgbench (default 15)
          --clients N       concurrent clients for the durable benchmarks and pgbench (default 16)
          --deep-clients N  also measure each store with N clients (a deep queue, large batches) for a third
                            of the time; 0 skips it (default 256)
          --pipeline <n>    transfers each client keeps in flight in the batched durable run (default 64)
          --only <parts>    comma-separated subset of core,sqlite,postgresql (postgresql includes pgbench);
                            default all
        """;

    /// <summary>Parses <paramref name="args"/>; returns null and an error message when they are not understood.</summary>
    public static BenchOptions? Parse(string[] args, out string? error)
    {
        error = null;
        var verb = "registry";
        string? postgres = null;
        var pgbench = "pgbench";
        var seconds = SecondsDefault;
        var clients = ClientsDefault;
        var deepClients = DeepClientsDefault;
        var parts = new HashSet<string>(PartNames, StringComparer.Ordinal);
        string? stream = null;
        string? record = null;
        var pipeline = PipelineDefault;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string Value()
            {
                if (i + 1 >= args.Length) throw new FormatException($"{arg} needs a value.");
                return args[++i];
            }
            try
            {
                switch (arg)
                {
                    case "registry" or "methodologies" or "matching" when i == 0: verb = arg; break;
                    case "--stream": stream = Value(); break;
                    case "--record": record = Value(); break;
                    case "--pipeline": pipeline = Bounded(arg, Value(), 1, 4096); break;
                    case "--postgres": postgres = Value(); break;
                    case "--pgbench": pgbench = Value(); break;
                    case "--seconds": seconds = Bounded(arg, Value(), 1, SecondsMax); break;
                    case "--clients": clients = Bounded(arg, Value(), 1, ClientsMax); break;
                    case "--deep-clients": deepClients = Bounded(arg, Value(), 0, ClientsMax); break;
                    case "--only": parts = ParseParts(Value()); break;
                    case "-h" or "--help": error = ""; return null;
                    default: throw new FormatException($"Unknown argument '{arg}'.");
                }
            }
            catch (FormatException e)
            {
                error = e.Message;
                return null;
            }
        }
        return new BenchOptions(verb, string.IsNullOrWhiteSpace(postgres) ? null : postgres, pgbench, seconds, clients, deepClients, parts)
        {
            StreamFile = stream,
            RecordFile = record,
            Pipeline = pipeline,
        };
    }

    private static HashSet<string> ParseParts(string text)
    {
        var parts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!PartNames.Contains(part)) throw new FormatException($"Unknown part '{part}'; expected some of {string.Join(',', PartNames)}.");
            parts.Add(part);
        }
        if (parts.Count == 0) throw new FormatException("--only needs at least one part.");
        return parts;
    }

    private static int Bounded(string name, string text, int min, int max)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            throw new FormatException($"{name} must be a whole number from {min} to {max}.");
        return value;
    }
}
