namespace OpenCcer.Server.Api;

// Request bodies. Every field is nullable so that a missing field is reported by name rather than
// defaulted; numbers carry their unit in the name. JSON uses snake_case.

public sealed record OpenAccountRequest(string? OperationId, string? SubjectId, string? SubjectName, string? HolderType);

public sealed record AccountStateRequest(string? OperationId, string? State, string? Reason);

public sealed record AuthorityRequest(string? OperationId, string? AuthorityReference);

public sealed record IssueRequest(string? OperationId, string? Reference, string? ProjectCode, int? Vintage,
    long? QuantityTonnes, long? AccountId);

public sealed record TransferRequest(string? OperationId, long? FromAccountId, long? ToAccountId, string? ProjectCode,
    int? Vintage, long? QuantityTonnes, string? Reason, string? AuthorityReference);

public sealed record ReserveRequest(string? OperationId, long? AccountId, string? ProjectCode, int? Vintage,
    long? QuantityTonnes, string? Purpose);

public sealed record ReleaseRequest(string? OperationId, long? QuantityTonnes);

public sealed record SettleRequest(string? OperationId, long? ToAccountId, long? QuantityTonnes);

public sealed record CancelRequest(string? OperationId, long? AccountId, string? ProjectCode, int? Vintage,
    long? QuantityTonnes, string? Purpose, string? Beneficiary, long? ReservationId);

public sealed record FreezeUnitsRequest(string? OperationId, long? AccountId, string? ProjectCode, int? Vintage,
    long? QuantityTonnes, long? FirstSerial, long? LastSerial, string? AuthorityReference);

/// <summary>The answer to an accepted write: the journal row and the event it recorded.</summary>
public sealed record OperationResponse(string OperationId, long Sequence, bool Replayed, OpenCcer.Core.Registry.LedgerEvent Event);

public sealed record GridFactorRequest(string? Grid, string? GridZh, int? Year, decimal? OmTco2PerMwh, decimal? BmTco2PerMwh,
    string? Status, string? Source);
