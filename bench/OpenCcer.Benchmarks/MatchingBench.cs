using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using OpenCcer.Core.Calendar;
using OpenCcer.Core.Exchange;
using OpenCcer.Core.Primitives;
using OpenCcer.Core.Registry;

namespace OpenCcer.Benchmarks;

/// <summary>
/// Replays a stream of listed-agreement commands (post, take, take best, cancel) through the fast book
/// and the naive reference book in the same run. The stream is generated from a seed, or read from a
/// file in the format of <c>docs/exchange-command-stream.md</c>, and held in memory before any timing.
/// Three replays are measured, each on fresh books: the fast book through <see cref="IListedBook"/>
/// (building the event records, as the market does), the fast book's allocation-free core methods
/// (the matching alone), and the naive book through <see cref="IListedBook"/>. Each is warmed up, then
/// timed in <see cref="ThroughputRounds"/> rounds without per-command timing (the median gives
/// operations per second), then once more with a <see cref="Stopwatch.GetTimestamp"/> pair around every
/// command for the latency percentiles. Measured, not asserted. All replays must return the same
/// statuses and make the same trades; a difference stops the run.
/// </summary>
public static class MatchingBench
{
    public const int DefaultSeed = 20_250_304;
    public const int DefaultCount = 1_000_000;
    public const int ThroughputRounds = 3;

    private static readonly Instrument Instrument = new("CCER-14-001-0001", 2024);
    private static readonly DateTimeOffset At = new(2025, 3, 4, 10, 0, 0, ChinaClock.Offset);

    public static void Run(TextWriter output, string? streamFile, string? recordFile = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        var stream = streamFile is null ? Generate(DefaultSeed, DefaultCount) : Read(File.ReadAllLines(streamFile));
        output.WriteLine(streamFile is null
            ? $"listed-agreement book: {stream.Commands.Length:N0} generated commands (seed {DefaultSeed}), base price {stream.BasePrice.Fen} fen"
            : $"listed-agreement book: {stream.Commands.Length:N0} commands from {Path.GetFileName(streamFile)}, base price {stream.BasePrice.Fen} fen");
        if (recordFile is not null)
        {
            using var writer = new StreamWriter(recordFile);
            Write(stream, writer);
            output.WriteLine($"  stream written to {recordFile}");
        }

        var load = Machine.LoadAverage();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {Environment.ProcessorCount} logical cores, 1-minute load {load?.ToString("F1", CultureInfo.InvariantCulture) ?? "unknown"}, gen0 budget {Environment.GetEnvironmentVariable("DOTNET_GCgen0size") ?? "default"}, server GC {System.Runtime.GCSettings.IsServerGC}"));

        var clock = MarketClock.Standard(WorkingDayCalendar.Shipped());
        // One buffer for all latency passes, written once here so its pages are mapped before any
        // timing (a fresh 8 MB array would fault a page in every 512 commands of the timed pass).
        var latencies = new long[stream.Commands.Length];
        latencies.AsSpan().Fill(1);
        var fast = Measure(() => new ListedAgreementBook(Instrument, stream.BasePrice, clock), Events, stream, latencies, stream.Commands.Length);
        var core = Measure(() => new ListedAgreementBook(Instrument, stream.BasePrice, clock), Core, stream, latencies, stream.Commands.Length);
        var naive = Measure(() => new NaiveListedBook(Instrument, stream.BasePrice, clock), Events, stream, latencies, Math.Min(50_000, stream.Commands.Length));

        if (!fast.Statuses.AsSpan().SequenceEqual(naive.Statuses) || !core.Statuses.AsSpan().SequenceEqual(naive.Statuses)
            || fast.Trades != naive.Trades || core.Trades != naive.Trades)
        {
            throw new InvalidOperationException("The fast and the naive book disagree on a status or a trade.");
        }

        output.WriteLine($"  median of {ThroughputRounds} untimed rounds (ops/s); latency from one more pass with a timestamp pair per command:");
        output.WriteLine(fast.Line("optimized"));
        output.WriteLine(core.Line("core"));
        output.WriteLine(naive.Line("naive"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  optimized / naive: {fast.OpsPerSecond / naive.OpsPerSecond:F1}x throughput (core / naive {core.OpsPerSecond / naive.OpsPerSecond:F1}x); {fast.Trades:N0} trades, {fast.Accepted:N0} accepted, {fast.MaxOpen:N0} open at most"));
        output.WriteLine("  optimized and naive build the event records (IListedBook); core is the fast book's allocation-free core methods, no events");
    }

    /// <summary>A seeded stream that keeps a few hundred listings open, as a busy day would.</summary>
    public static CommandStream Generate(int seed, int count)
    {
        var random = new Random(seed);
        var basePrice = new PricePerTonne(5_000);
        var model = new ListedAgreementBook(Instrument, basePrice, MarketClock.AlwaysOpenDemo());
        var events = new List<ExchangeEvent>();
        var open = new List<long>();
        var commands = new StreamCommand[count];
        var nextId = 1L;
        var nextTrade = 1L;
        for (var i = 0; i < count; i++)
        {
            var participant = random.Next(1, 1_001);
            var roll = random.Next(100);
            var pressure = open.Count > 400 ? 25 : open.Count < 100 ? -25 : 0;
            StreamCommand command;
            if (roll < 50 - pressure || open.Count == 0)
            {
                var side = random.Next(2) == 0 ? Side.Buy : Side.Sell;
                var price = side == Side.Buy ? 4_990 - random.Next(0, 60) : 5_010 + random.Next(0, 60);
                command = new StreamCommand('P', nextId++, participant, side, price, random.Next(1, 200));
            }
            else if (roll < 70)
            {
                command = new StreamCommand('T', open[random.Next(open.Count)], participant, Side.Buy, 0, random.Next(1, 120));
            }
            else if (roll < 80)
            {
                command = new StreamCommand('X', 0, participant, random.Next(2) == 0 ? Side.Buy : Side.Sell, 0, random.Next(1, 120));
            }
            else
            {
                var id = open[random.Next(open.Count)];
                var owner = model.TryGet(new OrderId(id), out var view) && random.Next(20) != 0 ? view.Participant.Value : participant;
                command = new StreamCommand('C', id, owner, Side.Buy, 0, 0);
            }

            commands[i] = command;
            events.Clear();
            if (ExecuteEvents(model, command, nextTrade, events) == ExchangeStatus.Ok && command.Kind is 'T' or 'X')
            {
                nextTrade++;
            }

            foreach (var e in events)
            {
                switch (e)
                {
                    case ListingPosted p: open.Add(p.Listing.Value); break;
                    case ListingCancelled c: open.Remove(c.Listing.Value); break;
                    case ListingTaken t when !t.Remaining.IsPositive: open.Remove(t.Listing.Value); break;
                }
            }
        }

        return new CommandStream(basePrice, commands);
    }

    /// <summary>Reads the line format of <c>docs/exchange-command-stream.md</c>.</summary>
    public static CommandStream Read(IEnumerable<string> lines)
    {
        var basePrice = new PricePerTonne(5_000);
        var commands = new List<StreamCommand>();
        var number = 0;
        foreach (var raw in lines)
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            long N(int i) => long.Parse(f[i], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            Side S(int i) => f[i] switch { "B" => Side.Buy, "S" => Side.Sell, _ => throw new FormatException($"line {number}: side must be B or S") };
            try
            {
                switch (f[0])
                {
                    case "BASE" when f.Length == 2: basePrice = new PricePerTonne(N(1)); break;
                    case "P" when f.Length == 6: commands.Add(new StreamCommand('P', N(1), N(2), S(3), N(4), N(5))); break;
                    case "T" when f.Length == 4: commands.Add(new StreamCommand('T', N(1), N(2), Side.Buy, 0, N(3))); break;
                    case "X" when f.Length == 4: commands.Add(new StreamCommand('X', 0, N(2), S(1), 0, N(3))); break;
                    case "C" when f.Length == 3: commands.Add(new StreamCommand('C', N(1), N(2), Side.Buy, 0, 0)); break;
                    default: throw new FormatException($"line {number}: unknown command or wrong field count: '{line}'");
                }
            }
            catch (OverflowException)
            {
                throw new FormatException($"line {number}: number out of range");
            }
        }

        return new CommandStream(basePrice, [.. commands]);
    }

    /// <summary>Writes a stream in the line format, so a generated run can be recorded and replayed elsewhere.</summary>
    public static void Write(CommandStream stream, TextWriter writer)
    {
        writer.WriteLine("# OpenCCER listed-agreement command stream v1");
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"BASE {stream.BasePrice.Fen}"));
        foreach (var c in stream.Commands)
        {
            var side = c.Side == Side.Buy ? "B" : "S";
            writer.WriteLine(c.Kind switch
            {
                'P' => string.Create(CultureInfo.InvariantCulture, $"P {c.Id} {c.Participant} {side} {c.PriceFen} {c.Tonnes}"),
                'T' => string.Create(CultureInfo.InvariantCulture, $"T {c.Id} {c.Participant} {c.Tonnes}"),
                'X' => string.Create(CultureInfo.InvariantCulture, $"X {side} {c.Participant} {c.Tonnes}"),
                _ => string.Create(CultureInfo.InvariantCulture, $"C {c.Id} {c.Participant}"),
            });
        }
    }

    private delegate ExchangeStatus Replayer(IListedBook book, in StreamCommand command, long tradeId, List<ExchangeEvent> events);

    private static readonly Replayer Events = ExecuteEvents;
    private static readonly Replayer Core = ExecuteCore;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ExchangeStatus ExecuteEvents(IListedBook book, in StreamCommand c, long tradeId, List<ExchangeEvent> events)
    {
        events.Clear();
        return c.Kind switch
        {
            'P' => book.Post(new OrderId(c.Id), new ParticipantId(c.Participant), c.Side, new PricePerTonne(c.PriceFen), new Tonnes(c.Tonnes),
                ParticipantPosition.Unlimited, At, events),
            'T' => book.Take(new OrderId(c.Id), new ParticipantId(c.Participant), new Tonnes(c.Tonnes), ParticipantPosition.Unlimited,
                new TradeId(tradeId), At, events),
            'X' => book.TakeBest(c.Side, new ParticipantId(c.Participant), new Tonnes(c.Tonnes), ParticipantPosition.Unlimited,
                new TradeId(tradeId), At, events),
            _ => book.Cancel(new OrderId(c.Id), new ParticipantId(c.Participant), At, events),
        };
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ExchangeStatus ExecuteCore(IListedBook book, in StreamCommand c, long tradeId, List<ExchangeEvent> events)
    {
        var fast = (ListedAgreementBook)book;
        return c.Kind switch
        {
            'P' => fast.PostCore(c.Id, c.Participant, c.Side, c.PriceFen, c.Tonnes, ParticipantPosition.Unlimited, At, out _),
            'T' => fast.TakeCore(c.Id, c.Participant, c.Tonnes, ParticipantPosition.Unlimited, At, out _),
            'X' => fast.TakeBestCore(c.Side, c.Participant, c.Tonnes, ParticipantPosition.Unlimited, At, out _),
            _ => fast.CancelCore(c.Id, c.Participant, out _, out _),
        };
    }

    /// <summary>Warm-up, <see cref="ThroughputRounds"/> untimed rounds, one timed pass; each on a fresh book.</summary>
    private static Measurement Measure(Func<IListedBook> newBook, Replayer replay, CommandStream stream, long[] latencies, int warmUp)
    {
        // Warm up, then pause so tiered compilation can install optimized code before the measured
        // rounds; otherwise the first round measures the JIT, not the book.
        Throughput(newBook(), replay, stream.Commands, warmUp);
        Thread.Sleep(500);
        var rounds = new List<double>();
        var bytes = 0.0;
        var collections = "";
        for (var round = 0; round < ThroughputRounds; round++)
        {
            var book = newBook();
            GC.Collect();
            var gcBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            rounds.Add(Throughput(book, replay, stream.Commands, stream.Commands.Length));
            bytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)stream.Commands.Length;
            collections = $"{GC.CollectionCount(0) - gcBefore.Item1}/{GC.CollectionCount(1) - gcBefore.Item2}/{GC.CollectionCount(2) - gcBefore.Item3}";
        }

        GC.Collect();
        var timed = Timed(newBook(), replay, stream.Commands, latencies);
        return timed with { OpsPerSecond = Stats.Median(rounds), RoundsOpsPerSecond = rounds, BytesPerCommand = bytes, Collections = collections };
    }

    // The measuring loops run only a few times, so without this they would stay in unoptimized code.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double Throughput(IListedBook book, Replayer replay, StreamCommand[] commands, int count)
    {
        var events = new List<ExchangeEvent>(16);
        var tradeId = 1L;
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            if (replay(book, commands[i], tradeId, events) == ExchangeStatus.Ok && commands[i].Kind is 'T' or 'X')
            {
                tradeId++;
            }
        }

        return count / Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Measurement Timed(IListedBook book, Replayer replay, StreamCommand[] commands, long[] latencies)
    {
        var count = commands.Length;
        var statuses = new ExchangeStatus[count];
        statuses.AsSpan().Fill(ExchangeStatus.Ok);
        var events = new List<ExchangeEvent>(16);
        var tradeId = 1L;
        var accepted = 0L;
        var maxOpen = 0;
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            var before = Stopwatch.GetTimestamp();
            var status = replay(book, commands[i], tradeId, events);
            latencies[i] = Stopwatch.GetTimestamp() - before;
            statuses[i] = status;
            if (status == ExchangeStatus.Ok)
            {
                accepted++;
                if (commands[i].Kind is 'T' or 'X')
                {
                    tradeId++;
                }
            }

            maxOpen = Math.Max(maxOpen, book.OpenCount);
        }

        var elapsed = Stopwatch.GetElapsedTime(start);
        var sorted = latencies.AsSpan(0, count);
        sorted.Sort();
        return new Measurement(0, [], count / elapsed.TotalSeconds, Nanoseconds(sorted, 0.50), Nanoseconds(sorted, 0.99),
            Nanoseconds(sorted, 0.999), statuses, tradeId - 1, accepted, maxOpen, 0, "");
    }

    private static double Nanoseconds(ReadOnlySpan<long> sorted, double quantile) =>
        sorted[Math.Min(sorted.Length - 1, (int)(sorted.Length * quantile))] * 1e9 / Stopwatch.Frequency;

    /// <summary>A parsed stream: the base price of the day and its commands in order.</summary>
    public sealed record CommandStream(PricePerTonne BasePrice, StreamCommand[] Commands);

    /// <summary>One command: 'P' post, 'T' take by id, 'X' take best of a side, 'C' cancel.</summary>
    public readonly record struct StreamCommand(char Kind, long Id, long Participant, Side Side, long PriceFen, long Tonnes);

    private sealed record Measurement(double OpsPerSecond, IReadOnlyList<double> RoundsOpsPerSecond, double TimedOpsPerSecond,
        double P50, double P99, double P999, ExchangeStatus[] Statuses, long Trades, long Accepted, int MaxOpen, double BytesPerCommand, string Collections)
    {
        public string Line(string name) => string.Create(CultureInfo.InvariantCulture,
            $"  {name,-10} {OpsPerSecond,12:N0} ops/s (rounds {string.Join(" / ", RoundsOpsPerSecond.Select(r => r.ToString("N0", CultureInfo.InvariantCulture)))}; timed pass {TimedOpsPerSecond:N0})   p50 {P50,6:N0} ns   p99 {P99,7:N0} ns   p99.9 {P999,7:N0} ns   {BytesPerCommand:N0} B/command, GC gen0/1/2 {Collections}");
    }
}
