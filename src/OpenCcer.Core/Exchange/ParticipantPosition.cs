using OpenCcer.Core.Primitives;

namespace OpenCcer.Core.Exchange;

/// <summary>
/// What the caller knows of a participant when a command arrives (T 18), so the exchange core stays
/// pure: <see cref="AvailableUnits"/> of the instrument and <see cref="AvailableFunds"/> free right now,
/// net of everything already reserved (the registry and the cash ledger hold the reservations the
/// exchange events announce), and <see cref="Holding"/>: all units of the instrument the participant
/// holds, reserved or not, for position limits and large-holder reporting.
/// </summary>
public readonly record struct ParticipantPosition(Tonnes AvailableUnits, Money AvailableFunds, Tonnes Holding)
{
    /// <summary>A position that passes every pre-trade check; for tests and the demo only.</summary>
    public static readonly ParticipantPosition Unlimited = new(new Tonnes(long.MaxValue / 4), new Money(long.MaxValue / 4), Tonnes.Zero);
}
