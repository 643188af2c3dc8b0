namespace OpenCcer.Core.Registry;

/// <summary>A request to change the ledger. Shapes are checked by the ledger, not trusted.</summary>
public abstract record LedgerCommand;

/// <summary>Opens a subject's registry account and its bound trading account.</summary>
public sealed record OpenAccount(string SubjectId, string SubjectName, HolderType HolderType) : LedgerCommand;

/// <summary>Sets the state of a subject's two accounts (given either of them).</summary>
public sealed record ChangeAccountState(AccountId Account, AccountState State, string Reason) : LedgerCommand;

/// <summary>Judicially freezes a whole account: no units leave it until unfrozen.</summary>
public sealed record FreezeAccount(AccountId Account, string AuthorityReference) : LedgerCommand;

public sealed record UnfreezeAccount(AccountId Account, string AuthorityReference) : LedgerCommand;

/// <summary>
/// Issues <paramref name="Quantity"/> new units of an instrument into a registry account. The serials
/// continue the project's numbering. <paramref name="Reference"/> is unique per issuance.
/// </summary>
public sealed record IssueUnits(string Reference, Instrument Instrument, long Quantity, AccountId Account) : LedgerCommand;

/// <summary>
/// Moves available units of an instrument. The highest serials move, so a split block leaves the
/// low end with the source.
/// </summary>
public sealed record TransferUnits(
    AccountId From,
    AccountId To,
    Instrument Instrument,
    long Quantity,
    TransferReason Reason,
    string? AuthorityReference) : LedgerCommand;

/// <summary>Holds available units for an order or a cancellation request.</summary>
public sealed record ReserveUnits(AccountId Account, Instrument Instrument, long Quantity, string Purpose) : LedgerCommand;

/// <summary>Returns reserved units to available; <paramref name="Quantity"/> null releases all that remain.</summary>
public sealed record ReleaseReservation(ReservationId Reservation, long? Quantity) : LedgerCommand;

/// <summary>Delivers reserved units of a trading account to another trading account (exchange settlement).</summary>
public sealed record SettleReservation(ReservationId Reservation, AccountId To, long Quantity) : LedgerCommand;

/// <summary>
/// Cancels units of a registry account, from its available units or, when <paramref name="Reservation"/>
/// is given, from that reservation.
/// </summary>
public sealed record CancelUnits(
    AccountId Account,
    Instrument Instrument,
    long Quantity,
    CancellationPurpose Purpose,
    string Beneficiary,
    ReservationId? Reservation) : LedgerCommand;

/// <summary>
/// Judicially freezes available units: either the given serial range (<paramref name="First"/> and
/// <paramref name="Last"/>, inclusive) or, when they are null, <paramref name="Quantity"/> units.
/// </summary>
public sealed record FreezeUnits(
    AccountId Account,
    Instrument Instrument,
    long? Quantity,
    long? First,
    long? Last,
    string AuthorityReference) : LedgerCommand;

public sealed record UnfreezeUnits(FreezeId Freeze, string AuthorityReference) : LedgerCommand;
