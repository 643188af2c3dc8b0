namespace OpenCcer.Application.People;

// Request bodies of the registry's administration. Every field is nullable so a missing one is reported by name.

public sealed record OrganisationRequest(string? Name, string? SubjectId, string? Role);

public sealed record UserRequest(string? UserName, string? Email, string? DisplayName, string? Password);

public sealed record ApiKeyRequest(string? OrganisationId, string? UserId, string? Label);
