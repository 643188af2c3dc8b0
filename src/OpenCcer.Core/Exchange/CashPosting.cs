namespace OpenCcer.Core.Exchange;

/// <summary>Why a cash balance moved. Stable values: stored and journaled.</summary>
public enum CashPostingKind
{
    Deposit = 1,
    Withdrawal = 2,

    /// <summary>The buyer pays the turnover of a settled trade.</summary>
    Purchase = 3,

    /// <summary>The seller receives the turnover of a settled trade.</summary>
    Sale = 4,

    /// <summary>One side's trading fee on a settled trade (F).</summary>
    TradingFee = 5,

    /// <summary>The exchange's fee account receives a trading fee.</summary>
    FeeIncome = 6,
}

/// <summary>
/// One movement of a cash balance, in fen: <see cref="Amount"/> is signed (credit positive) and
/// <see cref="Balance"/> is the balance right after it, so a statement is the postings in id order.
/// </summary>
public sealed record CashPosting(
    long Id, ParticipantId Participant, CashPostingKind Kind, Money Amount, Money Balance, string Reference, DateTimeOffset At);
