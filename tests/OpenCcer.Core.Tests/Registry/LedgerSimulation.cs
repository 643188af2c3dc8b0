using OpenCcer.Core.Registry;

namespace OpenCcer.Core.Tests.Registry;

/// <summary>
/// Drives a ledger with random commands from a seed: opens accounts, issues, transfers (splitting
/// blocks), reserves, releases, settles, cancels, freezes and unfreezes. Refusals are part of the mix.
/// </summary>
public sealed class LedgerSimulation(int seed)
{
    private readonly Random random = new(seed);
    private readonly List<Instrument> instruments = [new("P0001", 2021), new("P0001", 2022), new("P0002", 2023)];

    public Ledger Ledger { get; } = new();
    public List<LedgerEvent> Events { get; } = [];
    public Dictionary<LedgerStatus, int> Statuses { get; } = [];

    public LedgerResult Step(DateTimeOffset at)
    {
        var command = NextCommand();
        var result = Ledger.Execute(command, at);
        Statuses[result.Status] = Statuses.GetValueOrDefault(result.Status) + 1;
        if (result.Event is not null) Events.Add(result.Event);
        return result;
    }

    private AccountId AnyAccount() => new(random.NextInt64(1, Math.Max(2, Ledger.Accounts.Count + 2)));

    private Instrument AnyInstrument() => instruments[random.Next(instruments.Count)];

    private long Quantity() => random.Next(10) switch
    {
        0 => random.Next(-2, 1),
        < 7 => random.Next(1, 50),
        _ => random.Next(1, 2000),
    };

    private LedgerCommand NextCommand()
    {
        var subjects = Ledger.Accounts.Count / 2;
        if (subjects < 2 || random.Next(60) == 0)
            return new OpenAccount($"S{random.Next(8)}", "Subject", (HolderType)random.Next(1, 6));
        var account = AnyAccount();
        var pair = Ledger.FindAccount(account)?.Pair ?? AnyAccount();
        var reservation = new ReservationId(random.NextInt64(1, Ledger.Reservations.Count + 2));
        return random.Next(100) switch
        {
            < 12 => new IssueUnits($"R{random.Next(5000)}", AnyInstrument(), random.Next(1, 3000), account),
            < 40 => new TransferUnits(account, pair, AnyInstrument(), Quantity(),
                Ledger.FindAccount(account)?.Kind == AccountKind.Trading ? TransferReason.FromTrading : TransferReason.ToTrading, null),
            < 44 => new TransferUnits(account, AnyAccount(), AnyInstrument(), Quantity(),
                random.Next(2) == 0 ? TransferReason.Inheritance : TransferReason.CourtEnforcement, "court order"),
            < 56 => new ReserveUnits(account, AnyInstrument(), Quantity(), "order"),
            < 63 => new ReleaseReservation(reservation, random.Next(3) == 0 ? null : Quantity()),
            < 71 => new SettleReservation(reservation, AnyAccount(), Quantity()),
            < 81 => new CancelUnits(account, AnyInstrument(), Quantity(), (CancellationPurpose)random.Next(1, 8), "Beneficiary",
                random.Next(3) == 0 ? reservation : null),
            < 87 => random.Next(2) == 0
                ? new FreezeUnits(account, AnyInstrument(), Quantity(), null, null, "court")
                : new FreezeUnits(account, AnyInstrument(), null, random.Next(1, 4000), random.Next(1, 4000), "court"),
            < 91 => new UnfreezeUnits(new FreezeId(random.NextInt64(1, Ledger.Freezes.Count + 2)), "lifted"),
            < 92 => new FreezeAccount(account, "court"),
            < 97 => new UnfreezeAccount(account, "lifted"),
            _ => new ChangeAccountState(account, random.Next(10) switch
            {
                < 7 => AccountState.Active,
                < 9 => AccountState.Restricted,
                _ => AccountState.Closed,
            }, "admin"),
        };
    }
}
