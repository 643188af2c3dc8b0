using OpenCcer.Core.Exchange;
using OpenCcer.Core.Registry;

namespace OpenCcer.Storage.Exchange;

/// <summary>
/// What the writer sees when it builds a command: the live ledger (positions, accounts), the instant,
/// the journal sequence the command will get (the order id of anything it opens) and the venue.
/// </summary>
public sealed record ExchangeContext(Ledger Ledger, DateTimeOffset At, long Sequence, TradingVenue Venue)
{
    /// <summary>The trading account of a subject as its participant id, or null when it has none.</summary>
    public ParticipantId? ParticipantOf(string? subjectId) =>
        subjectId is not null && Ledger.FindRegistryAccountOf(subjectId) is { } registry ? new ParticipantId(registry.Pair.Value) : null;

    /// <summary>The registry's view of a participant for a market command (units; the venue adds funds).</summary>
    public ParticipantPosition Position(ParticipantId participant, Instrument instrument) => LedgerBridge.Position(Ledger, participant, instrument);
}

/// <summary>
/// A built command: the venue command to run, optionally preceded by one registry command that must be
/// accepted first (moving units to trading before listing the instrument), or a refusal before either.
/// </summary>
public sealed record ExchangeStep(VenueCommand? Command, VenueStatus Refusal = VenueStatus.Ok, LedgerCommand? Before = null)
{
    public static ExchangeStep Run(VenueCommand command, LedgerCommand? before = null) => new(command, VenueStatus.Ok, before);

    public static ExchangeStep Refuse(VenueStatus status) => new(null, status);
}
