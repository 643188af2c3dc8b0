using OpenCcer.Storage.People;

namespace OpenCcer.Application.People;

/// <summary>An organisation with its people.</summary>
public sealed record OrganisationResult(OrganisationRecord Organisation, IReadOnlyList<UserRecord> Users);

/// <summary>A person to add to an organisation, as checked; the sign-in system creates the user and checks the password.</summary>
public sealed record NewUser(string OrganisationId, string UserName, string Email, string DisplayName, string Password);

/// <summary>An API key just issued: the key itself (shown once; only its hash is stored) and what it stands for.</summary>
public sealed record IssuedKey(string ApiKey, ApiKeyRecord Record);
