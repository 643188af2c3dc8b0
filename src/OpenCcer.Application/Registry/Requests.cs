namespace OpenCcer.Application.Registry;

// Inputs of the registry's use cases, as the API's JSON bodies carry them. Every field is nullable so that
// a missing field is reported by name rather than defaulted; numbers carry their unit in the name. The
// server writes them in snake_case.

public sealed record OpenAccountRequest(string? OperationId, string? SubjectId, string? SubjectName, string? HolderType);

public sealed record AccountStateRequest(string? OperationId, string? State, string? Reason);

public sealed record AuthorityRequest(string? OperationId, string? AuthorityReference);

public sealed record IssueRequest(string? OperationId, string? Reference, string? ProjectCode, int? Vintage,
    long? QuantityTonnes, long? AccountId);

public sealed record TransferRequest(string? OperationId, long? FromAccountId, long? ToAccountId, string? ProjectCode,
    int? Vintage, long? QuantityTonnes, string? Reason, string? AuthorityReference);

/// <summary>A move between the caller's own registry account and its bound trading account, either way.</summary>
public sealed record MoveRequest(string? OperationId, long? FromAccountId, string? ProjectCode, int? Vintage, long? QuantityTonnes);

public sealed record ReserveRequest(string? OperationId, long? AccountId, string? ProjectCode, int? Vintage,
    long? QuantityTonnes, string? Purpose);

public sealed record ReleaseRequest(string? OperationId, long? QuantityTonnes);

public sealed record SettleRequest(string? OperationId, long? ToAccountId, long? QuantityTonnes);

public sealed record CancelRequest(string? OperationId, long? AccountId, string? ProjectCode, int? Vintage,
    long? QuantityTonnes, string? Purpose, string? Beneficiary, long? ReservationId);

public sealed record FreezeUnitsRequest(string? OperationId, long? AccountId, string? ProjectCode, int? Vintage,
    long? QuantityTonnes, long? FirstSerial, long? LastSerial, string? AuthorityReference);
