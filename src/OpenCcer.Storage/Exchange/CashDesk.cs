using OpenCcer.Core.Exchange;
using OpenCcer.Storage.Journal;

namespace OpenCcer.Storage.Exchange;

/// <summary>
/// Deposits and withdrawals: the bank and the cash book in the order that never creates money. A deposit
/// is credited only after the bank confirms it; a withdrawal is debited first and paid out after, and a
/// payout the bank refuses is credited back by a compensating deposit. Both are safe to retry under the
/// same operation id (the bank and the engine each answer a repeat with the first result).
/// </summary>
public static class CashDesk
{
    public static async Task<(ExchangeOutcome Outcome, BankReceipt? Receipt)> DepositAsync(ExchangeEngine engine, ISettlementBank bank,
        string operationId, ParticipantId participant, Money amount, CancellationToken ct = default)
    {
        if (amount.Fen <= 0) return (ExchangeOutcome.Refused(VenueStatus.AmountInvalid), null);
        var receipt = await bank.ConfirmDepositAsync(participant, amount, operationId, ct);
        if (!receipt.Accepted) return (ExchangeOutcome.Refused(VenueStatus.BankRefused), receipt);
        var outcome = await engine.ExecuteAsync(operationId, RequestHash("deposit", participant, amount),
            _ => ExchangeStep.Run(new DepositCash(participant, amount, receipt.Reference)), ct);
        return (outcome, receipt);
    }

    public static async Task<(ExchangeOutcome Outcome, BankReceipt? Receipt)> WithdrawAsync(ExchangeEngine engine, ISettlementBank bank,
        string operationId, ParticipantId participant, Money amount, CancellationToken ct = default)
    {
        if (amount.Fen <= 0) return (ExchangeOutcome.Refused(VenueStatus.AmountInvalid), null);
        var outcome = await engine.ExecuteAsync(operationId, RequestHash("withdraw", participant, amount),
            _ => ExchangeStep.Run(new WithdrawCash(participant, amount, "withdrawal " + operationId)), ct);
        if (!outcome.IsOk) return (outcome, null);
        var receipt = await bank.PayOutAsync(participant, amount, operationId, ct);
        if (receipt.Accepted) return (outcome, receipt);
        var returned = await engine.ExecuteAsync("returned:" + RequestHash(operationId)[..40], RequestHash("returned", participant, amount, operationId),
            _ => ExchangeStep.Run(new DepositCash(participant, amount, "returned withdrawal " + operationId)), ct);
        if (!returned.IsOk) throw new InvalidOperationException($"Withdrawal {operationId} could not be credited back: {returned.Status}.");
        return (ExchangeOutcome.Refused(VenueStatus.BankRefused), receipt);
    }

    /// <summary>A hash of a request's fields, to tell a retry from a different request under the same operation id.</summary>
    public static string RequestHash(params object?[] fields) =>
        JournalHash.OfRequest(string.Join('\u001f', fields.Select(f => Convert.ToString(f, System.Globalization.CultureInfo.InvariantCulture) ?? "\u0000")));

}
