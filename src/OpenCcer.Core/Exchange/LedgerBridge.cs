using OpenCcer.Core.Primitives;
using OpenCcer.Core.Registry;

namespace OpenCcer.Core.Exchange;

/// <summary>
/// Connects the exchange to the registry ledger: a participant is its trading account
/// (<see cref="ParticipantId"/> = trading <see cref="AccountId"/>), unit holds are ledger reservations whose
/// purpose is the hold's key, and each <see cref="UnitEffect"/> becomes one ledger command. The map from
/// keys to reservations is rebuilt from the ledger itself, so it needs no storage of its own.
/// </summary>
public sealed class LedgerBridge
{
    /// <summary>How the purpose of every exchange reservation begins; no other reservation may begin so.</summary>
    public const string PurposePrefix = "exchange ";

    private readonly Dictionary<string, ReservationId> _reservations = new(StringComparer.Ordinal);

    /// <summary>True when a reservation with this purpose is the exchange's: only the exchange may release or deliver it.</summary>
    public static bool IsExchangePurpose(string purpose) => purpose.StartsWith(PurposePrefix, StringComparison.Ordinal);

    /// <summary>Starts from the open exchange reservations of <paramref name="ledger"/>.</summary>
    public LedgerBridge(Ledger ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        foreach (var r in ledger.Reservations)
        {
            if (r.Remaining > 0 && IsExchangePurpose(r.Purpose))
            {
                _reservations[r.Purpose] = r.Id;
            }
        }
    }

    /// <summary>The trading account of a subject's participant id, or null when it is not a trading account.</summary>
    public static Account? TradingAccount(Ledger ledger, ParticipantId participant) =>
        ledger.FindAccount(new AccountId(participant.Value)) is { Kind: AccountKind.Trading } account ? account : null;

    /// <summary>
    /// What the registry says of a participant and an instrument (T 18): units available in its trading
    /// account, and everything it holds of the instrument in both accounts (not cancelled). Funds are
    /// filled in by the venue.
    /// </summary>
    public static ParticipantPosition Position(Ledger ledger, ParticipantId participant, Instrument instrument)
    {
        var trading = TradingAccount(ledger, participant);
        if (trading is null)
        {
            return new ParticipantPosition(Tonnes.Zero, Money.Zero, Tonnes.Zero);
        }

        var inTrading = ledger.FindHolding(trading.Id, instrument);
        var inRegistry = ledger.FindHolding(trading.Pair, instrument);
        long Held(Holding? h) => h is null ? 0 : checked(h.Available + h.Reserved + h.Frozen);
        return new ParticipantPosition(new Tonnes(inTrading?.Available ?? 0), Money.Zero, new Tonnes(checked(Held(inTrading) + Held(inRegistry))));
    }

    /// <summary>The ledger command that carries out <paramref name="effect"/>.</summary>
    public LedgerCommand CommandFor(UnitEffect effect) => effect switch
    {
        ReserveUnitsFor r => new ReserveUnits(new AccountId(r.Participant.Value), r.Instrument, r.Quantity.Value, r.Key),
        ReleaseUnitsOf r => new ReleaseReservation(Find(r.Key), r.Quantity.Value),
        DeliverUnitsOf d => new SettleReservation(Find(d.Key), new AccountId(d.To.Value), d.Quantity.Value),
        _ => throw new ArgumentOutOfRangeException(nameof(effect), effect.GetType().Name),
    };

    /// <summary>Records what an accepted command did to the map; call after each accepted ledger command.</summary>
    public void Applied(Ledger ledger, UnitEffect effect, LedgerEvent applied)
    {
        if (applied is UnitsReserved reserved)
        {
            _reservations.Add(effect.Key, reserved.Reservation);
        }
        else if (ledger.FindReservation(Find(effect.Key)) is { Remaining: 0 })
        {
            _reservations.Remove(effect.Key);
        }
    }

    /// <summary>
    /// Executes <paramref name="effect"/> on <paramref name="ledger"/> directly (for tests and simulations
    /// without a store). A refusal is a broken invariant: the exchange reserved what it delivers.
    /// </summary>
    public LedgerEvent Execute(Ledger ledger, UnitEffect effect, DateTimeOffset at)
    {
        var result = ledger.Execute(CommandFor(effect), at);
        if (!result.IsOk)
        {
            throw new InvalidOperationException($"The registry refused {effect}: {result.Status}.");
        }

        Applied(ledger, effect, result.Event!);
        return result.Event!;
    }

    private ReservationId Find(string key) =>
        _reservations.TryGetValue(key, out var id) ? id : throw new InvalidOperationException($"No registry reservation for {key}.");
}
