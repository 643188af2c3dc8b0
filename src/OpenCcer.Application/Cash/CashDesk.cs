using OpenCcer.Application.Exchange;
using OpenCcer.Core.Exchange;
using OpenCcer.Storage;
using OpenCcer.Storage.Exchange;
using OpenCcer.Storage.Journal;

namespace OpenCcer.Application.Cash;

/// <summary>
/// Cash at the exchange, in fen. Deposits and withdrawals move the bank and the cash book in the order that
/// never creates money: a deposit is credited only after the bank confirms it; a withdrawal is debited first
/// and paid out after, and a payout the bank refuses is credited back by a compensating deposit. Both are
/// safe to retry under the same operation id (the bank and the engine each answer a repeat with the first
/// result). Account holders move and read their own cash; the exchange and the regulator read anyone's.
/// </summary>
public sealed class CashDesk(ExchangeEngine exchange, ISettlementBank bank)
{
    public Task<Outcome<CashMoved>> DepositAsync(Caller caller, CashRequest request, CancellationToken ct = default) =>
        MoveAsync(caller, request, "deposit_cash", CreditDepositAsync, ct);

    /// <summary>Withdraws available cash to the participant's bank account (held cash stays until settlement).</summary>
    public Task<Outcome<CashMoved>> WithdrawAsync(Caller caller, CashRequest request, CancellationToken ct = default) =>
        MoveAsync(caller, request, "withdraw_cash", PayOutAsync, ct);

    /// <summary>The cash account a caller may read: its own, or the named one for the exchange and the regulator.</summary>
    public async Task<Outcome<CashAccountRow>> BalanceAsync(Caller caller, long? participantId, CancellationToken ct = default)
    {
        var who = await WhoseAsync(caller, participantId, ct);
        if (!who.IsOk) return who.Refusal!;
        return await exchange.Store.Exchange.CashAccountAsync(who.Value, ct) ?? new CashAccountRow(who.Value, 0, 0);
    }

    /// <summary>Postings with their running balance, oldest first, after <paramref name="afterId"/>.</summary>
    public async Task<Outcome<(long ParticipantId, List<CashPostingRow> Postings)>> StatementAsync(Caller caller, long? participantId, long? afterId,
        int? limit, CancellationToken ct = default)
    {
        var who = await WhoseAsync(caller, participantId, ct);
        if (!who.IsOk) return who.Refusal!;
        return (who.Value, await exchange.Store.Exchange.CashPostingsAsync(who.Value, afterId ?? 0, limit ?? 100, ct));
    }

    private async Task<Outcome<long>> WhoseAsync(Caller caller, long? participantId, CancellationToken ct)
    {
        if (Participants.ReadsEveryone(caller))
            return participantId is { } named ? named : Refusals.Invalid("participant_id", "Required: the participant (trading account id) to read.");
        if (!caller.HoldsAccounts) return Refusals.Forbidden("Cash accounts are read by their holders, the exchange and the regulator.");
        return await Participants.OwnAsync(exchange.Store, caller, participantId, "cash account", ct);
    }

    private async Task<Outcome<CashMoved>> MoveAsync(Caller caller, CashRequest request, string action,
        Func<string, ExchangeRequest, ParticipantId, Money, CancellationToken, Task<(ExchangeOutcome, BankReceipt?)>> move, CancellationToken ct)
    {
        var r = new Fields();
        var op = r.OperationId(request.OperationId);
        if (request.AmountFen is null or <= 0) r.Fail("amount_fen", "Required: a positive amount in fen (100 = 1.00 CNY).");
        if (r.HasErrors) return r.Refusal();
        if (ExchangeSubmission.MayTrade(caller) is { } no) return no;
        var me = await Participants.OfSubjectAsync(exchange.Store, caller.SubjectId, ct);
        if (me is null) return Refusals.Of(VenueStatus.NoTradingAccount);
        var participant = new ParticipantId(me.Value);
        var amount = new Money(request.AmountFen!.Value);
        ExchangeOutcome outcome;
        BankReceipt? receipt;
        try
        {
            (outcome, receipt) = await move(op, new ExchangeRequest(action, caller.SubjectId, Terms: [me.Value, amount.Fen]), participant, amount, ct);
        }
        catch (StoreUnavailableException e)
        {
            return ExchangeSubmission.Unavailable(e);
        }
        if (ExchangeSubmission.RefusalOf(outcome, op) is { } refused)
            return outcome.Status == VenueStatus.BankRefused && receipt?.Reason is { } why ? Refusals.Of(VenueStatus.BankRefused, why) : refused;
        var account = await exchange.Store.Exchange.CashAccountAsync(me.Value, ct);
        return new CashMoved(op, outcome.Sequence!.Value, outcome.Replayed, receipt?.Reference, me.Value, account);
    }

    /// <summary>Credits a deposit once the bank confirms it.</summary>
    internal async Task<(ExchangeOutcome Outcome, BankReceipt? Receipt)> CreditDepositAsync(string operationId, ExchangeRequest request,
        ParticipantId participant, Money amount, CancellationToken ct = default)
    {
        var receipt = await bank.ConfirmDepositAsync(participant, amount, operationId, ct);
        if (!receipt.Accepted) return (ExchangeOutcome.Refused(VenueStatus.BankRefused), receipt);
        var outcome = await exchange.ExecuteAsync(operationId, request,
            _ => ExchangeStep.Run(new DepositCash(participant, amount, receipt.Reference)), ct);
        return (outcome, receipt);
    }

    /// <summary>Debits a withdrawal, pays it out, and credits it back when the bank refuses the payout.</summary>
    internal async Task<(ExchangeOutcome Outcome, BankReceipt? Receipt)> PayOutAsync(string operationId, ExchangeRequest request,
        ParticipantId participant, Money amount, CancellationToken ct = default)
    {
        var outcome = await exchange.ExecuteAsync(operationId, request,
            _ => ExchangeStep.Run(new WithdrawCash(participant, amount, "withdrawal " + operationId)), ct);
        if (!outcome.IsOk) return (outcome, null);
        var receipt = await bank.PayOutAsync(participant, amount, operationId, ct);
        if (receipt.Accepted) return (outcome, receipt);
        var returned = await exchange.ExecuteAsync("returned:" + JournalHash.OfRequest(operationId)[..40],
            request with { Action = "return_withdrawal", Terms = [participant.Value, amount.Fen, operationId] },
            _ => ExchangeStep.Run(new DepositCash(participant, amount, "returned withdrawal " + operationId)), ct);
        if (!returned.IsOk) throw new InvalidOperationException($"Withdrawal {operationId} could not be credited back: {returned.Status}.");
        return (ExchangeOutcome.Refused(VenueStatus.BankRefused), receipt);
    }
}
