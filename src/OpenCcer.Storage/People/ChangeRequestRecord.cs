namespace OpenCcer.Storage.People;

/// <summary>
/// A change that needs two people: the initiator records it, a different person confirms or rejects it.
/// Cancellations carry the instrument, quantity, purpose and beneficiary and, once held, the ledger
/// reservation; account-state changes carry the target state. <see cref="Outcome"/> records what the
/// ledger did (a certificate number, a journal row) once the decision was carried out, for people to read;
/// <see cref="CertificateNumber"/> is the certificate a confirmed cancellation was numbered.
/// </summary>
public sealed record ChangeRequestRecord(
    string Id,
    string OrganisationId,
    string OperationId,
    string RequestHash,
    ChangeRequestKind Kind,
    long AccountId,
    string? ProjectCode,
    int? Vintage,
    long? Quantity,
    int? Purpose,
    string? Beneficiary,
    int? TargetState,
    string Reason,
    long? ReservationId,
    ChangeRequestStatus Status,
    string InitiatedBy,
    string InitiatedAt,
    string? DecidedBy,
    string? DecidedAt,
    string? Outcome,
    string? CertificateNumber = null);
