using System.Text.Json.Serialization;

namespace OpenCcer.Core.Registry;

/// <summary>
/// What an accepted command did, with every id and serial range resolved, so that applying the events
/// in order to an empty ledger reproduces its state exactly. Events are journaled; their discriminators
/// and fields are stable.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(AccountOpened), "account_opened")]
[JsonDerivedType(typeof(AccountStateChanged), "account_state_changed")]
[JsonDerivedType(typeof(AccountFrozen), "account_frozen")]
[JsonDerivedType(typeof(AccountUnfrozen), "account_unfrozen")]
[JsonDerivedType(typeof(UnitsIssued), "units_issued")]
[JsonDerivedType(typeof(UnitsTransferred), "units_transferred")]
[JsonDerivedType(typeof(UnitsReserved), "units_reserved")]
[JsonDerivedType(typeof(ReservationReleased), "reservation_released")]
[JsonDerivedType(typeof(ReservationSettled), "reservation_settled")]
[JsonDerivedType(typeof(UnitsCancelled), "units_cancelled")]
[JsonDerivedType(typeof(UnitsFrozen), "units_frozen")]
[JsonDerivedType(typeof(UnitsUnfrozen), "units_unfrozen")]
public abstract record LedgerEvent(DateTimeOffset At);

public sealed record AccountOpened(
    DateTimeOffset At, AccountId RegistryAccount, AccountId TradingAccount, string SubjectId, string SubjectName,
    HolderType HolderType) : LedgerEvent(At);

public sealed record AccountStateChanged(
    DateTimeOffset At, AccountId RegistryAccount, AccountId TradingAccount, AccountState State, string Reason)
    : LedgerEvent(At);

public sealed record AccountFrozen(DateTimeOffset At, AccountId Account, string AuthorityReference) : LedgerEvent(At);

public sealed record AccountUnfrozen(DateTimeOffset At, AccountId Account, string AuthorityReference) : LedgerEvent(At);

public sealed record UnitsIssued(
    DateTimeOffset At, IssuanceId Issuance, string Reference, Instrument Instrument, long First, long Last,
    AccountId Account) : LedgerEvent(At);

public sealed record UnitsTransferred(
    DateTimeOffset At, AccountId From, AccountId To, Instrument Instrument, TransferReason Reason,
    string? AuthorityReference, IReadOnlyList<SerialRange> Ranges) : LedgerEvent(At);

public sealed record UnitsReserved(
    DateTimeOffset At, ReservationId Reservation, AccountId Account, Instrument Instrument, string Purpose,
    IReadOnlyList<SerialRange> Ranges) : LedgerEvent(At);

public sealed record ReservationReleased(
    DateTimeOffset At, ReservationId Reservation, IReadOnlyList<SerialRange> Ranges) : LedgerEvent(At);

public sealed record ReservationSettled(
    DateTimeOffset At, ReservationId Reservation, AccountId To, IReadOnlyList<SerialRange> Ranges) : LedgerEvent(At);

public sealed record UnitsCancelled(
    DateTimeOffset At, CancellationId Cancellation, string CertificateNumber, AccountId Account,
    Instrument Instrument, CancellationPurpose Purpose, string Beneficiary, ReservationId? Reservation,
    IReadOnlyList<SerialRange> Ranges) : LedgerEvent(At);

public sealed record UnitsFrozen(
    DateTimeOffset At, FreezeId Freeze, AccountId Account, Instrument Instrument, string AuthorityReference,
    IReadOnlyList<SerialRange> Ranges) : LedgerEvent(At);

public sealed record UnitsUnfrozen(DateTimeOffset At, FreezeId Freeze, string AuthorityReference) : LedgerEvent(At);
