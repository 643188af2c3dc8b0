namespace OpenCcer.Core.Compliance;

/// <summary>
/// Outcome of a compliance action. Ordered and stable: mapped to problem types
/// (<c>/problems/{kebab-case}</c>); add values at the end of their group.
/// </summary>
public enum ComplianceStatus
{
    Ok = 0,

    // Shape.
    QuantityMustBePositive = 10,
    PeriodOutOfRange = 11,
    NothingToSurrender = 12,
    TooManyLines = 13,

    // Entities and periods.
    EntityNotFound = 20,
    EntityExists = 21,
    NotKeyEmittingUnit = 22,
    EmissionsNotVerified = 23,
    EmissionsAlreadyVerified = 24,

    // Surrender rules.
    SurrenderExceedsObligation = 30,
    OffsetLimitExceeded = 31,
    NotAllowanceUnits = 32,
    NotCcerUnits = 33,
    AllowanceBorrowingNotAllowed = 34,
    ProjectUnderEtsCoverage = 35,
    LegacyUnitsExpired = 36,
    AuthorizedForInternationalUse = 37,
}
