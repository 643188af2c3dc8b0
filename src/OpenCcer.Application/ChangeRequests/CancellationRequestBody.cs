namespace OpenCcer.Application.ChangeRequests;

/// <summary>A holder's request to cancel (注销) units of its registry account; every field nullable so a missing one is named.</summary>
public sealed record CancellationRequestBody(string? OperationId, long? AccountId, string? ProjectCode, int? Vintage,
    long? QuantityTonnes, string? Purpose, string? Beneficiary);
