namespace OpenCcer.Storage.People;

/// <summary>
/// A maker-checker request: <c>Reserving → Pending → Confirmed | Rejected</c>, or <c>Reserving → Refused</c>
/// when the ledger would not hold the units. A confirmation or rejection is claimed first and then carried
/// out on the ledger; if the ledger refuses, the request returns to <see cref="Pending"/>. Values are stored.
/// </summary>
public enum ChangeRequestStatus
{
    Reserving = 0,
    Pending = 1,
    Confirmed = 2,
    Rejected = 3,
    Refused = 4,
}
