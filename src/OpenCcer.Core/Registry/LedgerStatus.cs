namespace OpenCcer.Core.Registry;

/// <summary>
/// Outcome of one ledger command. Ordered and stable: values are stored and mapped to HTTP problem
/// types and CLI exit codes; add new values at the end of their group, never renumber.
/// </summary>
public enum LedgerStatus
{
    Ok = 0,

    // The operation was already applied.
    Exists = 1,
    ExistsWithDifferentQuantity = 2,
    ExistsWithDifferentData = 3,

    // Shape of the command.
    QuantityMustBePositive = 10,
    QuantityTooLarge = 11,
    ProjectCodeInvalid = 12,
    VintageOutOfRange = 13,
    TextRequired = 14,
    TextTooLong = 15,
    EnumValueInvalid = 16,

    // Accounts.
    AccountNotFound = 20,
    SubjectHasAccount = 21,
    AccountClosed = 22,
    AccountRestricted = 23,
    AccountFrozen = 24,
    AccountNotFrozen = 25,
    AccountNotEmpty = 26,
    AccountStateUnchanged = 27,
    AccountKindWrong = 28,

    // Movements.
    SameAccount = 30,
    TransferNotAllowed = 31,
    LegalReasonRequired = 32,
    AuthorityReferenceRequired = 33,
    InsufficientUnits = 34,
    UnitsFrozen = 35,
    UnitsNotHeld = 36,
    PurposeNotForUnitClass = 37,

    // Holds.
    ReservationNotFound = 40,
    ReservationExceeded = 41,
    FreezeNotFound = 42,
    FreezeAlreadyLifted = 43,
}
