using OpenCcer.Core.Exchange;

namespace OpenCcer.Storage.Exchange;

/// <summary>The bank's answer to one transfer: accepted with its reference, or refused with a reason.</summary>
public sealed record BankReceipt(bool Accepted, string Reference, string? Reason);

/// <summary>
/// The settlement bank that moves money between a participant's bank account and its cash account at
/// the exchange. Calls are idempotent on <c>operationId</c>: a repeated call returns the first receipt, so a
/// retried deposit or withdrawal moves money once. <see cref="SimulatedSettlementBank"/> serves the demo and
/// the tests; a real bank's adapter implements the same two calls.
/// </summary>
public interface ISettlementBank
{
    /// <summary>Confirms that <paramref name="amount"/> arrived from the participant's bank account for a deposit.</summary>
    Task<BankReceipt> ConfirmDepositAsync(ParticipantId participant, Money amount, string operationId, CancellationToken ct = default);

    /// <summary>Pays <paramref name="amount"/> out to the participant's bank account for a withdrawal.</summary>
    Task<BankReceipt> PayOutAsync(ParticipantId participant, Money amount, string operationId, CancellationToken ct = default);
}
