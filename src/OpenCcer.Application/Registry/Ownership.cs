using OpenCcer.Core.Exchange;
using OpenCcer.Core.Lifecycle;
using OpenCcer.Core.Registry;

namespace OpenCcer.Application.Registry;

/// <summary>
/// Who may act on an account or a reservation, decided against the writer's live ledger (as guards run
/// with the command they protect), so no read of the store's projections comes before a write.
/// </summary>
internal static class Ownership
{
    /// <summary>
    /// Null when <paramref name="caller"/> may act on <paramref name="accountId"/>: the registry administrator,
    /// the exchange where <paramref name="exchangeMay"/>, or an account-holding role acting for the account's subject.
    /// </summary>
    public static Refusal? MustOwn(Caller caller, Ledger ledger, long accountId, bool exchangeMay = false) =>
        MustOwn(caller, accountId, exchangeMay, id => ledger.FindAccount(new AccountId(id))?.SubjectId);

    /// <summary>The same rule over any source of an account's subject (null: no such account).</summary>
    public static Refusal? MustOwn(Caller caller, long accountId, bool exchangeMay, Func<long, string?> subjectOf)
    {
        if (caller.IsAdministrator || (exchangeMay && caller.Role == Role.ExchangeOperator)) return null;
        if (!caller.HoldsAccounts) return Refusals.Forbidden($"The {caller.Role} role cannot do this.");
        var subject = subjectOf(accountId);
        if (subject is null) return NoAccount(accountId);
        return caller.Owns(subject) ? null : OtherSubject;
    }

    /// <summary>Null when the account exists and belongs to the caller's subject (no role acts for another here).</summary>
    public static Refusal? MustBeOwners(Caller caller, Ledger ledger, long accountId)
    {
        var account = ledger.FindAccount(new AccountId(accountId));
        if (account is null) return NoAccount(accountId);
        return caller.Owns(account.SubjectId) ? null : OtherSubject;
    }

    public static Refusal NoAccount(long accountId) => Refusals.Of(LedgerStatus.AccountNotFound, $"No account {accountId}.");

    public static readonly Refusal OtherSubject = Refusals.Forbidden("This account belongs to another subject.");

    /// <summary>
    /// Null when <paramref name="caller"/> may release the reservation: it exists, its account is the caller's
    /// (or the caller is the registry or the exchange), and it is not held for the exchange.
    /// </summary>
    public static Refusal? MayRelease(Caller caller, Ledger ledger, long reservationId)
    {
        var reservation = ledger.FindReservation(new ReservationId(reservationId));
        if (reservation is null) return Refusals.Of(LedgerStatus.ReservationNotFound, $"No reservation {reservationId}.");
        return MustOwn(caller, ledger, reservation.Account.Value, exchangeMay: true) ?? NotExchanges(ledger, reservationId);
    }

    /// <summary>
    /// Null unless the reservation exists and holds units for the exchange, which alone releases and delivers
    /// them. Its purpose never changes, so the answer cannot be overtaken by a later write.
    /// </summary>
    public static Refusal? NotExchanges(Ledger ledger, long reservationId) =>
        ledger.FindReservation(new ReservationId(reservationId)) is { } r && LedgerBridge.IsExchangePurpose(r.Purpose)
            ? Refusals.ReservationOwnedByExchange(reservationId)
            : null;
}
