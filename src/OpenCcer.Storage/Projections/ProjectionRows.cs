namespace OpenCcer.Storage.Projections;

// Rows of the projection tables. The same records come from the database and from a ledger, so that
// `verify` can compare them field by field.

public sealed record AccountRow(long Id, int Kind, long PairId, string SubjectId, string SubjectName, int HolderType,
    int State, string? FreezeReference, string OpenedAt);

public sealed record IssuanceRow(long Id, string Reference, string ProjectCode, int Vintage, long First, long Last,
    long AccountId, string IssuedAt);

public sealed record BlockRow(long Id, long IssuanceId, string ProjectCode, int Vintage, long First, long Last,
    long AccountId, int State, long Hold);

public sealed record HoldingRow(long AccountId, string ProjectCode, int Vintage, long Available, long Reserved,
    long Frozen, long Cancelled);

public sealed record ReservationRow(long Id, long AccountId, string ProjectCode, int Vintage, string Purpose,
    long Quantity, long Remaining, string CreatedAt);

public sealed record FreezeRow(long Id, long AccountId, string ProjectCode, int Vintage, string AuthorityReference,
    long Quantity, string FrozenAt, string? LiftedAt);

public sealed record CancellationRow(long Id, string CertificateNumber, long AccountId, string ProjectCode, int Vintage,
    int Purpose, string Beneficiary, long Quantity, string Ranges, string CancelledAt);
