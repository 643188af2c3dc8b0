namespace OpenCcer.Core.Exchange;

/// <summary>
/// The exchange's cash ledger: one account per trading subject plus the exchange's own fee account
/// (<see cref="FeeAccount"/>), with named holds for open buy orders and unsettled purchases. Pure and
/// single-threaded, like the markets it serves.
/// <para>
/// Invariants (checked by <see cref="CheckInvariants"/>): no balance is negative; every account's held
/// amount equals the sum of its holds and never exceeds its balance; the sum of all balances equals
/// deposits − withdrawals (trades and fees only move money between accounts).
/// </para>
/// </summary>
public sealed class CashBook
{
    /// <summary>The exchange's own account, credited with trading fees.</summary>
    public static readonly ParticipantId FeeAccount = new(0);

    private readonly SortedDictionary<long, CashAccount> _accounts = [];
    private readonly Dictionary<string, (ParticipantId Participant, Money Amount)> _holds = new(StringComparer.Ordinal);
    private readonly List<CashPosting> _newPostings = [];
    private readonly SortedSet<long> _changed = [];
    private long _lastPostingId;

    /// <summary>Deposits − withdrawals so far: what all balances must add up to.</summary>
    public Money NetDeposits { get; private set; }

    public IReadOnlyCollection<CashAccount> Accounts => _accounts.Values;

    public int HoldCount => _holds.Count;

    public CashAccount Account(ParticipantId participant) =>
        _accounts.TryGetValue(participant.Value, out var account) ? account : new CashAccount(participant, Money.Zero, Money.Zero);

    public Money Available(ParticipantId participant) => Account(participant).Available;

    public Money HeldBy(string key) => _holds.TryGetValue(key, out var hold) ? hold.Amount : Money.Zero;

    public VenueStatus Deposit(ParticipantId participant, Money amount, string reference, DateTimeOffset at)
    {
        if (amount.Fen <= 0 || participant == FeeAccount)
        {
            return VenueStatus.AmountInvalid;
        }

        Post(participant, CashPostingKind.Deposit, amount, reference, at);
        NetDeposits += amount;
        return VenueStatus.Ok;
    }

    public VenueStatus Withdraw(ParticipantId participant, Money amount, string reference, DateTimeOffset at)
    {
        if (amount.Fen <= 0 || participant == FeeAccount)
        {
            return VenueStatus.AmountInvalid;
        }

        if (Available(participant) < amount)
        {
            return VenueStatus.InsufficientFunds;
        }

        Post(participant, CashPostingKind.Withdrawal, new Money(-amount.Fen), reference, at);
        NetDeposits -= amount;
        return VenueStatus.Ok;
    }

    /// <summary>Holds <paramref name="amount"/> of a subject's available cash under <paramref name="key"/> (adds to an existing hold).</summary>
    /// <exception cref="InvalidOperationException">Not enough available cash, or the key is another subject's: a bug, not an outcome.</exception>
    public void Hold(ParticipantId participant, string key, Money amount)
    {
        if (amount.Fen == 0)
        {
            return;
        }

        var account = Account(participant);
        if (amount.Fen < 0 || account.Available < amount)
        {
            throw new InvalidOperationException($"Cannot hold {amount} for {participant} under {key}: {account.Available} available.");
        }

        if (_holds.TryGetValue(key, out var existing) && existing.Participant != participant)
        {
            throw new InvalidOperationException($"Hold {key} belongs to {existing.Participant}.");
        }

        _holds[key] = (participant, existing.Amount + amount);
        Put(account with { Held = account.Held + amount });
    }

    /// <summary>Releases <paramref name="amount"/> of the hold <paramref name="key"/> back to available.</summary>
    public void Release(string key, Money amount)
    {
        if (amount.Fen == 0)
        {
            return;
        }

        var (participant, left) = Take(key, amount);
        _ = left;
        var account = Account(participant);
        Put(account with { Held = account.Held - amount });
    }

    /// <summary>Moves <paramref name="amount"/> from hold <paramref name="from"/> to hold <paramref name="to"/> of the same subject.</summary>
    public void MoveHold(string from, string to, Money amount)
    {
        if (amount.Fen == 0)
        {
            return;
        }

        var (participant, _) = Take(from, amount);
        if (_holds.TryGetValue(to, out var existing) && existing.Participant != participant)
        {
            throw new InvalidOperationException($"Hold {to} belongs to {existing.Participant}.");
        }

        _holds[to] = (participant, existing.Amount + amount);
    }

    /// <summary>
    /// The funds leg of delivery versus payment for one trade: the buyer's hold <paramref name="buyerHold"/>
    /// (exactly turnover + buyer fee) is spent, the seller receives turnover − fee, the fee account both fees.
    /// </summary>
    public void SettleTrade(Trade trade, string buyerHold, string reference, DateTimeOffset at)
    {
        var cost = trade.Turnover + trade.BuyerFee;
        if (HeldBy(buyerHold) != cost)
        {
            throw new InvalidOperationException($"Trade {reference}: hold {buyerHold} is {HeldBy(buyerHold)}, the trade costs {cost}.");
        }

        Release(buyerHold, cost);
        Post(trade.BuyerId, CashPostingKind.Purchase, new Money(-trade.Turnover.Fen), reference, at);
        Post(trade.BuyerId, CashPostingKind.TradingFee, new Money(-trade.BuyerFee.Fen), reference, at);
        Post(trade.SellerId, CashPostingKind.Sale, trade.Turnover, reference, at);
        Post(trade.SellerId, CashPostingKind.TradingFee, new Money(-trade.SellerFee.Fen), reference, at);
        Post(FeeAccount, CashPostingKind.FeeIncome, trade.BuyerFee + trade.SellerFee, reference, at);
    }

    /// <summary>Postings made since the last call, in id order; starts a new list.</summary>
    public IReadOnlyList<CashPosting> TakePostings()
    {
        var taken = _newPostings.ToArray();
        _newPostings.Clear();
        return taken;
    }

    /// <summary>Accounts changed since the last call; starts a new set.</summary>
    public IReadOnlyList<CashAccount> TakeChangedAccounts()
    {
        var taken = _changed.Select(id => Account(new ParticipantId(id))).ToArray();
        _changed.Clear();
        return taken;
    }

    /// <summary>Broken invariants, empty when all hold.</summary>
    public IReadOnlyList<string> CheckInvariants()
    {
        var problems = new List<string>();
        var total = Money.Zero;
        var heldBy = _holds.Values.GroupBy(h => h.Participant.Value).ToDictionary(g => g.Key, g => g.Sum(h => h.Amount.Fen));
        foreach (var account in _accounts.Values)
        {
            total += account.Balance;
            if (account.Balance.Fen < 0 || account.Held.Fen < 0 || account.Held > account.Balance)
            {
                problems.Add($"cash {account.Participant}: balance {account.Balance}, held {account.Held}");
            }

            if (heldBy.GetValueOrDefault(account.Participant.Value) != account.Held.Fen)
            {
                problems.Add($"cash {account.Participant}: held {account.Held} differs from its holds");
            }
        }

        if (total != NetDeposits)
        {
            problems.Add($"cash: balances add up to {total}, deposits less withdrawals are {NetDeposits}");
        }

        return problems;
    }

    private (ParticipantId Participant, Money Left) Take(string key, Money amount)
    {
        if (amount.Fen < 0 || !_holds.TryGetValue(key, out var hold) || hold.Amount < amount)
        {
            throw new InvalidOperationException($"Hold {key} cannot give {amount}.");
        }

        var left = hold.Amount - amount;
        if (left.Fen == 0)
        {
            _holds.Remove(key);
        }
        else
        {
            _holds[key] = (hold.Participant, left);
        }

        return (hold.Participant, left);
    }

    private void Post(ParticipantId participant, CashPostingKind kind, Money amount, string reference, DateTimeOffset at)
    {
        if (amount.Fen == 0 && kind is CashPostingKind.TradingFee or CashPostingKind.FeeIncome)
        {
            return;
        }

        var account = Account(participant);
        var balance = account.Balance + amount;
        if (balance.Fen < 0 || balance < account.Held)
        {
            throw new InvalidOperationException($"Cash {participant} would fall to {balance} with {account.Held} held.");
        }

        Put(account with { Balance = balance });
        _lastPostingId = checked(_lastPostingId + 1);
        _newPostings.Add(new CashPosting(_lastPostingId, participant, kind, amount, balance, reference, at));
    }

    private void Put(CashAccount account)
    {
        _accounts[account.Participant.Value] = account;
        _changed.Add(account.Participant.Value);
    }
}
