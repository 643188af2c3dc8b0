namespace OpenCcer.Application.People;

/// <summary>An organisation's application for its registry account; nullable fields so a missing one is named.</summary>
public sealed record AccountApplicationRequest(string? OperationId, string? HolderType);
