using OpenCcer.Core.Registry;

namespace OpenCcer.Benchmarks;

/// <summary>
/// A deterministic stream of ledger commands that all succeed on a fresh ledger set up by
/// <see cref="Setup"/>: the generator tracks every balance and predicts the reservation ids the ledger
/// will assign (they are sequential from 1). Built before timing so that only the ledger is measured.
/// </summary>
public sealed class CoreWorkload
{
    public const int SubjectCountDefault = 2_000;

    /// <summary>Few enough subjects that the whole ledger stays in the processor's caches.</summary>
    public const int SubjectCountHot = 10;
    public const int HoldingsPerSubject = 4;
    public const int ProjectCount = 100;
    public const long IssuedPerHolding = 1_000_000;
    public const int PendingReservationsMax = 4;

    private CoreWorkload(string name, int subjects, LedgerCommand[] commands)
    {
        Name = name;
        Subjects = subjects;
        Commands = commands;
    }

    public string Name { get; }

    /// <summary>Subjects (each with a registry and a trading account and <see cref="HoldingsPerSubject"/> instruments).</summary>
    public int Subjects { get; }
    public LedgerCommand[] Commands { get; }

    /// <summary>Percentages of each command in the mix; the rest are transfers.</summary>
    public sealed record Mix(int ReservePercent, int ReleasePercent, int CancelPercent);

    public static readonly Mix Realistic = new(ReservePercent: 12, ReleasePercent: 12, CancelPercent: 1);
    public static readonly Mix TransfersOnly = new(0, 0, 0);

    private static Instrument InstrumentOf(int subject, int slot) =>
        new($"P{(subject * 7 + slot * 13) % ProjectCount:D4}", 2021 + slot % 4);

    // Account ids are assigned in sequence: subject s has registry account 2s+1 and trading account 2s+2.
    private static AccountId RegistryOf(int subject) => new(checked(2L * subject + 1));

    private static AccountId TradingOf(int subject) => new(checked(2L * subject + 2));

    /// <summary>A fresh ledger with every subject's accounts opened and its holdings issued.</summary>
    public Ledger Setup(DateTimeOffset at)
    {
        var ledger = new Ledger();
        for (var s = 0; s < Subjects; s++)
        {
            Expect(ledger.Execute(new OpenAccount($"S{s:D5}", $"Subject {s}", HolderType.OtherTradingSubject), at));
            for (var slot = 0; slot < HoldingsPerSubject; slot++)
                Expect(ledger.Execute(new IssueUnits($"I{s:D5}-{slot}", InstrumentOf(s, slot), IssuedPerHolding, RegistryOf(s)), at));
        }
        return ledger;
    }

    private static void Expect(LedgerResult result)
    {
        if (!result.IsOk) throw new InvalidOperationException($"Benchmark setup refused: {result.Status}.");
    }

    /// <summary>Builds <paramref name="count"/> commands of the given mix from a fixed seed.</summary>
    public static CoreWorkload Build(string name, Mix mix, int count, int seed, int subjects = SubjectCountDefault)
    {
        var random = new Random(seed);
        var holdingCount = subjects * HoldingsPerSubject;
        var registry = new long[holdingCount];
        var trading = new long[holdingCount];
        // Open reservations per holding, oldest first: (reservation id, units still held).
        var pending = new List<(long Id, long Quantity)>[holdingCount];
        for (var h = 0; h < holdingCount; h++)
        {
            registry[h] = IssuedPerHolding;
            pending[h] = new List<(long, long)>(PendingReservationsMax);
        }
        long nextReservation = 1;
        var commands = new LedgerCommand[count];
        for (var i = 0; i < count; i++)
        {
            var h = random.Next(holdingCount);
            var subject = h / HoldingsPerSubject;
            var instrument = InstrumentOf(subject, h % HoldingsPerSubject);
            var roll = random.Next(100);
            var quantity = random.Next(1, 500);
            LedgerCommand command;
            if (roll < mix.CancelPercent && registry[h] > 1_000)
            {
                quantity = random.Next(1, 10);
                registry[h] -= quantity;
                command = new CancelUnits(RegistryOf(subject), instrument, quantity, CancellationPurpose.CorporateOffset,
                    "Benchmark Beneficiary Co.", null);
            }
            else if ((roll < mix.CancelPercent + mix.ReleasePercent && pending[h].Count > 0) || pending[h].Count >= PendingReservationsMax)
            {
                // Release all that remains of the oldest reservation, or part of it first.
                var (id, held) = pending[h][0];
                if (held > 1 && random.Next(2) == 0)
                {
                    var part = held / 2;
                    pending[h][0] = (id, held - part);
                    trading[h] += part;
                    command = new ReleaseReservation(new ReservationId(id), part);
                }
                else
                {
                    pending[h].RemoveAt(0);
                    trading[h] += held;
                    command = new ReleaseReservation(new ReservationId(id), null);
                }
            }
            else if (roll < mix.CancelPercent + mix.ReleasePercent + mix.ReservePercent && trading[h] >= quantity)
            {
                trading[h] -= quantity;
                pending[h].Add((nextReservation++, quantity));
                command = new ReserveUnits(TradingOf(subject), instrument, quantity, "sell order");
            }
            else if (trading[h] >= quantity && random.Next(2) == 0)
            {
                trading[h] -= quantity;
                registry[h] += quantity;
                command = new TransferUnits(TradingOf(subject), RegistryOf(subject), instrument, quantity, TransferReason.FromTrading, null);
            }
            else
            {
                registry[h] -= quantity;
                trading[h] += quantity;
                command = new TransferUnits(RegistryOf(subject), TradingOf(subject), instrument, quantity, TransferReason.ToTrading, null);
            }
            commands[i] = command;
        }
        return new CoreWorkload(name, subjects, commands);
    }
}
