using OpenCcer.Core.Primitives;
using OpenCcer.Core.Registry;

namespace OpenCcer.Core.Exchange;

/// <summary>
/// What the registry must do with units for an accepted venue command, in order. Units are held in
/// registry reservations named by <see cref="Key"/> (see <see cref="UnitKeys"/>); the
/// <see cref="LedgerBridge"/> turns effects into ledger commands.
/// </summary>
public abstract record UnitEffect(string Key);

/// <summary>Reserve units of the participant's trading account for an order or a trade.</summary>
public sealed record ReserveUnitsFor(string Key, ParticipantId Participant, Instrument Instrument, Tonnes Quantity) : UnitEffect(Key);

/// <summary>Give reserved units back to available.</summary>
public sealed record ReleaseUnitsOf(string Key, Tonnes Quantity) : UnitEffect(Key);

/// <summary>Deliver reserved units to the buyer's trading account (settlement).</summary>
public sealed record DeliverUnitsOf(string Key, ParticipantId To, Tonnes Quantity) : UnitEffect(Key);

/// <summary>Names of holds: one per order and one per trade, unique across instruments.</summary>
public static class UnitKeys
{
    public static string Order(Instrument instrument, OrderId order) => $"exchange {instrument} order {order}";

    public static string Trade(Instrument instrument, TradeId trade) => $"exchange {instrument} trade {trade}";
}
