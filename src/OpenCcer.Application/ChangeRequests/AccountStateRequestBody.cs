namespace OpenCcer.Application.ChangeRequests;

/// <summary>An administrator's request to restrict, reactivate or close a subject's accounts; every field nullable so a missing one is named.</summary>
public sealed record AccountStateRequestBody(string? OperationId, long? AccountId, string? State, string? Reason);
