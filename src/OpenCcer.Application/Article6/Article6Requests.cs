namespace OpenCcer.Application.Article6;

// Request bodies of Article 6; every field nullable so a missing one is named in the refusal.

public sealed record AuthorizationRequest(string? ProjectCode, int? Vintage, string? Reference, string? FirstTransfer);

public sealed record InternationalTransferRequest(string? OperationId, string? SubjectId, string? ProjectCode, int? Vintage, long? QuantityTonnes,
    string? AcquiringParty, string? ForeignRegistry);
