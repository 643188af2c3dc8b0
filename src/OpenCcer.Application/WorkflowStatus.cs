namespace OpenCcer.Application;

/// <summary>
/// Outcomes of sign-in, administration, account opening and maker-checker steps, each mapped to an HTTP
/// status and a stable problem type in <see cref="Refusals"/>. Ordered and stable: append, never renumber.
/// </summary>
public enum WorkflowStatus
{
    Ok = 0,

    // Sign-in.
    SignInFailed = 1,
    LockedOut = 2,
    SignInNotAllowed = 3,

    // Who is acting.
    PersonRequired = 10,
    OtherOrganisation = 11,
    ConfirmerIsInitiator = 12,

    // Records.
    OrganisationNotFound = 20,
    UserNotFound = 21,
    ApplicationNotFound = 22,
    RequestNotFound = 23,
    SubjectIdTaken = 24,
    UserNameTaken = 25,
    ApplicationOpen = 26,

    // Steps.
    StateConflict = 30,
    CalendarYearUnknown = 31,
}
