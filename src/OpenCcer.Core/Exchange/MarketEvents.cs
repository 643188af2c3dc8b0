using OpenCcer.Core.Primitives;

namespace OpenCcer.Core.Exchange;

/// <summary>Trading in the instrument was suspended (T 41-43): no new listing, take, proposal or bid.</summary>
public sealed record InstrumentSuspended(DateTimeOffset At, string Reason) : ExchangeEvent(At);

/// <summary>Trading in the instrument resumed.</summary>
public sealed record InstrumentResumed(DateTimeOffset At) : ExchangeEvent(At);

/// <summary>A subject may no longer trade the instrument (T 42); its open orders stay until cancelled or expired.</summary>
public sealed record SubjectRestricted(DateTimeOffset At, ParticipantId Participant, string Reason) : ExchangeEvent(At);

/// <summary>A subject's trading restriction was lifted.</summary>
public sealed record SubjectRestrictionLifted(DateTimeOffset At, ParticipantId Participant) : ExchangeEvent(At);

/// <summary>A pattern for surveillance (T 36-44): a flag for a person to review, never a refusal.</summary>
public sealed record SurveillanceFlagged(
    DateTimeOffset At, SurveillanceKind Kind, ParticipantId Participant, ParticipantId? Counterparty, TradeId? Trade) : ExchangeEvent(At);

/// <summary>After a trade a participant's holding reached the large-holder reporting threshold: a report, not a refusal.</summary>
public sealed record LargeHolderReported(DateTimeOffset At, ParticipantId Participant, Tonnes Holding, Tonnes Threshold) : ExchangeEvent(At);

/// <summary>A trading day closed: its bar and the base price of the next trading day (T 17).</summary>
public sealed record DayClosed(DateTimeOffset At, DateOnly Date, DailyBar Bar, PricePerTonne NextBasePrice) : ExchangeEvent(At);
