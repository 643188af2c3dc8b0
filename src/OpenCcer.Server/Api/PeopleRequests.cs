namespace OpenCcer.Server.Api;

// Request bodies of the people endpoints. Every field is nullable so a missing one is reported by name.

public sealed record SignInRequest(string? UserName, string? Password);

public sealed record OrganisationRequest(string? Name, string? SubjectId, string? Role);

public sealed record UserRequest(string? UserName, string? Email, string? DisplayName, string? Password);

public sealed record ApiKeyRequest(string? OrganisationId, string? UserId, string? Label);

public sealed record AccountApplicationRequest(string? OperationId, string? HolderType);

