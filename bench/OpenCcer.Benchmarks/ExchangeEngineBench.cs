using System.Diagnostics;
using OpenCcer.Core.Exchange;
using OpenCcer.Core.Primitives;
using OpenCcer.Core.Registry;
using OpenCcer.Storage;
using OpenCcer.Storage.Exchange;

namespace OpenCcer.Benchmarks;

/// <summary>
/// <c>exchange-engine [--markets N] [--commands N]</c>: the exchange engine's cost per command on a SQLite
/// file, with every command committed. A seller lists N instruments, then posts sell listings round-robin
/// across the markets and a buyer takes one tonne of every other one, so the books grow as the run goes.
/// Measured, not asserted: prints commands per second and the mean per command.
/// </summary>
internal static class ExchangeEngineBench
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var markets = Value(args, "--markets", 20);
        var commands = Value(args, "--commands", 2_000);
        var file = Path.Combine(Path.GetTempPath(), $"openccer-exchange-bench-{Guid.NewGuid():N}.db");
        try
        {
            var time = new SteppingClock(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));
            await using var store = LedgerStore.Open($"Data Source={file}");
            await using var registry = await RegistryEngine.StartAsync(store, time);
            var exchange = await ExchangeEngine.StartAsync(registry, MarketClock.AlwaysOpenDemo(), time: time);
            var s = (AccountOpened)(await registry.SubmitAsync("open-s", new OpenAccount("S", "Seller", HolderType.ProjectOwner))).Result.Event!;
            var b = (AccountOpened)(await registry.SubmitAsync("open-b", new OpenAccount("B", "Buyer", HolderType.KeyEmittingUnit))).Result.Event!;
            var seller = new ParticipantId(s.TradingAccount.Value);
            var buyer = new ParticipantId(b.TradingAccount.Value);
            var instruments = Enumerable.Range(1, markets).Select(i => new Instrument($"BENCH-{i:D4}", 2024)).ToArray();
            foreach (var instrument in instruments)
            {
                await registry.SubmitAsync($"issue-{instrument.ProjectCode}", new IssueUnits($"MR-{instrument.ProjectCode}", instrument, 1_000_000, s.RegistryAccount));
                await Must(exchange.ExecuteAsync($"list-{instrument.ProjectCode}", "", _ => ExchangeStep.Run(
                    new ListInstrument(instrument, seller, new PricePerTonne(5_000)),
                    new TransferUnits(s.RegistryAccount, s.TradingAccount, instrument, 1_000_000, TransferReason.ToTrading, null))));
            }
            time.Now = time.Now.AddDays(1);
            await Must(await exchange.ExecuteAsync("deposit", "deposit", _ => ExchangeStep.Run(new DepositCash(buyer, new Money(1_000_000_00), "BENCH"))));

            long lastListing = 0;
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < commands; i++)
            {
                var instrument = instruments[i / 2 % markets];
                var id = $"c-{i}";
                var outcome = i % 2 == 0
                    ? await exchange.ExecuteAsync(id, "", c => ExchangeStep.Run(new ToMarket(instrument, new PostListing(new OrderId(c.Sequence), seller,
                        Side.Sell, new PricePerTonne(5_000 + i % 100), new Tonnes(10), c.Position(seller, instrument)))))
                    : await exchange.ExecuteAsync(id, "", c => ExchangeStep.Run(new ToMarket(instrument, new TakeListing(new OrderId(lastListing), buyer,
                        new Tonnes(1), c.Position(buyer, instrument)))));
                await Must(outcome);
                if (i % 2 == 0) lastListing = outcome.Sequence!.Value;
            }
            watch.Stop();
            var open = exchange.Markets.Sum(m => m.Sells.Count);
            output.WriteLine($"exchange engine: {commands:N0} commands over {markets} markets ({open:N0} open listings at the end) in " +
                $"{watch.Elapsed.TotalSeconds:F2} s: {commands / watch.Elapsed.TotalSeconds:N0} commands/s, " +
                $"{watch.Elapsed.TotalMilliseconds * 1_000 / commands:N0} µs per command (SQLite, every command committed)");
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(file) + "*")) File.Delete(f);
        }
    }

    private static async Task Must(Task<ExchangeOutcome> outcome) => await Must(await outcome);

    private static Task Must(ExchangeOutcome outcome) =>
        outcome.IsOk ? Task.CompletedTask : throw new InvalidOperationException($"Refused: {outcome.Status} {outcome.MarketStatus} {outcome.LedgerRefusal}");

    private static int Value(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) && v > 0 ? v : fallback;
    }

    /// <summary>A clock that moves a millisecond each time it is read, so instants ascend.</summary>
    private sealed class SteppingClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now = Now.AddMilliseconds(1);
    }
}
