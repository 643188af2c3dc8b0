namespace OpenCcer.Storage.People;

/// <summary>
/// A person who signs in, as stored. Names and e-mail addresses are matched on their normalized forms;
/// the password is stored only as the hash the sign-in layer produced.
/// </summary>
public sealed record UserRecord(
    string Id,
    string OrganisationId,
    string UserName,
    string NormalizedUserName,
    string? Email,
    string? NormalizedEmail,
    bool EmailConfirmed,
    string DisplayName,
    string? PasswordHash,
    string SecurityStamp,
    string ConcurrencyStamp,
    bool LockoutEnabled,
    DateTimeOffset? LockoutEnd,
    int AccessFailedCount,
    string CreatedAt);
