namespace OpenCcer.Storage.People;

/// <summary>
/// An organisation's application for a registry account. <see cref="ReviewDue"/> (a business date,
/// inclusive) is set when review starts; <see cref="RegistryAccountId"/> once the ledger opened the account.
/// </summary>
public sealed record AccountApplicationRecord(
    string Id,
    string OrganisationId,
    string OperationId,
    string RequestHash,
    string SubjectId,
    string SubjectName,
    int HolderType,
    AccountApplicationStatus Status,
    string AppliedAt,
    string AppliedBy,
    DateOnly? ReviewDue,
    string? DecidedAt,
    string? Reason,
    long? RegistryAccountId);
