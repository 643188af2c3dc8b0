namespace OpenCcer.Core.Lifecycle;

/// <summary>
/// Outcome of a project or reduction transition. Every value but <see cref="Ok"/> leaves the state
/// unchanged and emits no event. Checks run in the order of this enum, so the first failing rule is
/// the one reported. Values are stable (they map to HTTP problem types and CLI exit codes): append, never
/// renumber. Source tags refer to the domain rule book (M = Measures, V = Validation and Verification Rules).
/// </summary>
public enum LifecycleStatus
{
    Ok = 0,

    // Who may act.
    /// <summary>The actor's role may not trigger this transition.</summary>
    WrongRole = 1,
    /// <summary>Right role, but the actor's organisation is not the project's owner or assigned VVB.</summary>
    NotYourProject = 2,
    /// <summary>The transition does not leave the current phase.</summary>
    InvalidTransition = 3,

    // Input shape.
    /// <summary>Title or methodology code missing or too long, or a crediting period under one year.</summary>
    DescriptionInvalid = 10,
    /// <summary>A required text (comment, answer, reason) is empty.</summary>
    TextEmpty = 11,
    /// <summary>A text is longer than its limit.</summary>
    TextTooLong = 12,
    /// <summary>A document hash is not 64 hexadecimal characters (SHA-256).</summary>
    DocumentHashInvalid = 13,
    /// <summary>A list that grows (comments, corrective-action requests) is at its limit.</summary>
    LimitReached = 14,
    /// <summary>A quantity is zero or negative.</summary>
    QuantityNotPositive = 15,
    /// <summary>The VVB named is the owner itself.</summary>
    VvbIsOwner = 16,

    // Time.
    /// <summary>A deadline needs a year whose statutory calendar is not loaded.</summary>
    CalendarYearUnknown = 20,
    /// <summary>The public notice runs until its last working day inclusive (M 12, 19).</summary>
    NoticePeriodNotOver = 21,
    /// <summary>The date is outside the public notice: comments and withdrawal only during it.</summary>
    NoticeClosed = 22,
    /// <summary>The monitoring report is drafted only after the monitoring period's last day.</summary>
    PeriodNotOver = 23,

    // Notice comments and validation.
    CommentNotFound = 30,
    CommentAlreadyAnswered = 31,
    CorrectiveActionNotFound = 32,
    CorrectiveActionAlreadyClosed = 33,
    /// <summary>A positive validation conclusion while a corrective-action request is still open.</summary>
    CorrectiveActionsOpen = 34,

    // Project eligibility (M 9, 10, 11, 43, 48), checked in this order on application.
    /// <summary>The owner is barred from applying: a project of theirs was revoked less than 3 years ago (M 43).</summary>
    ApplicationBanActive = 40,
    /// <summary>The owner has not signed the commitment that the project is registered nowhere else (M 10).</summary>
    UniquenessCommitmentMissing = 41,
    /// <summary>Construction started on or before 2012-11-08 (M 9).</summary>
    ConstructionStartTooEarly = 42,
    /// <summary>The methodology is not in force on the application date (M 9).</summary>
    MethodologyNotInForce = 43,
    /// <summary>The crediting period is longer than the methodology allows.</summary>
    CreditingPeriodTooLong = 44,
    /// <summary>The project is under national or local ETS allowance management (M 9).</summary>
    UnderEtsAllowanceManagement = 45,
    /// <summary>The project has a legal emission-reduction obligation (M 9).</summary>
    LegalReductionObligation = 46,
    /// <summary>The project declares an active registration in another GHG mechanism (M 9).</summary>
    RegisteredElsewhere = 47,
    /// <summary>An external id the project declares is already known to the registry (double registration).</summary>
    ExternalIdAlreadyClaimed = 48,
    /// <summary>Offshore wind or solar thermal project electing green electricity certificates (M 48).</summary>
    GreenCertificateElected = 49,

    // Reduction eligibility (M 17, 18; V 2.3).
    /// <summary>The project is not registered (never was, or deregistered or revoked).</summary>
    ProjectNotRegistered = 60,
    /// <summary>The verifying VVB validated the project (M 18).</summary>
    SameVvbAsValidation = 61,
    /// <summary>The monitoring period ends before it starts.</summary>
    PeriodInvalid = 62,
    /// <summary>The monitoring period is not inside the project's crediting period (M 17).</summary>
    OutsideCreditingPeriod = 63,
    /// <summary>The period starts on or before 2020-09-22 (M 17).</summary>
    GeneratedBeforeCutoff = 64,
    /// <summary>The period overlaps a period of another live reduction of the project (V 2.3).</summary>
    PeriodOverlaps = 65,
    /// <summary>The tested day of the period is more than 5 years before the application date (M 17).</summary>
    OlderThanFiveYears = 66,
    /// <summary>The quantity applied for is not the verified quantity (M 17).</summary>
    QuantityDiffersFromVerified = 67,
}
