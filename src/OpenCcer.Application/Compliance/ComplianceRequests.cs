namespace OpenCcer.Application.Compliance;

// Request bodies of the national ETS link; every field nullable so a missing one is named in the 400.

public sealed record ComplianceEntityRequest(string? SubjectId, string? Sector, string? Province);

public sealed record VerifiedEmissionsRequest(long? VerifiedTonnes);

public sealed record AllocationRequest(string? OperationId, long? QuantityTonnes);

public sealed record SurrenderRequestBody(string? OperationId, long? AllowanceTonnes, int? AllowanceVintage, IReadOnlyList<OffsetLineBody>? Offsets);

public sealed record OffsetLineBody(string? ProjectCode, int? Vintage, long? QuantityTonnes);

public sealed record OffsetProjectRequest(bool? UnderEtsCoverage, bool? Legacy);
