namespace OpenCcer.Core.Exchange;

/// <summary>
/// A trading subject's cash at the exchange, in fen. <see cref="Held"/> is the part held back for open
/// buy orders and for bought trades awaiting settlement. Invariant: 0 ≤ held ≤ balance.
/// </summary>
public sealed record CashAccount(ParticipantId Participant, Money Balance, Money Held)
{
    /// <summary>What the subject may spend or withdraw now: balance − held.</summary>
    public Money Available => Balance - Held;
}
