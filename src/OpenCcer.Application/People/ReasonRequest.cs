namespace OpenCcer.Application.People;

/// <summary>The reason for a rejection or a withdrawal; nullable so a missing one is reported by name.</summary>
public sealed record ReasonRequest(string? Reason);
