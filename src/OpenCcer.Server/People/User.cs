using OpenCcer.Storage.People;

namespace OpenCcer.Server.People;

/// <summary>
/// A person as ASP.NET Core Identity sees them: mutable, because the user manager changes a user in
/// memory and then asks the store to save it. Saved as a <see cref="UserRecord"/>.
/// </summary>
public sealed class User
{
    public string Id { get; set; } = "";
    public string OrganisationId { get; set; } = "";
    public string? UserName { get; set; }
    public string? NormalizedUserName { get; set; }
    public string? Email { get; set; }
    public string? NormalizedEmail { get; set; }
    public bool EmailConfirmed { get; set; }
    public string DisplayName { get; set; } = "";
    public string? PasswordHash { get; set; }
    public string SecurityStamp { get; set; } = "";
    public string ConcurrencyStamp { get; set; } = "";
    public bool LockoutEnabled { get; set; } = true;
    public DateTimeOffset? LockoutEnd { get; set; }
    public int AccessFailedCount { get; set; }
    public string CreatedAt { get; set; } = "";

    public static User From(UserRecord r) => new()
    {
        Id = r.Id,
        OrganisationId = r.OrganisationId,
        UserName = r.UserName,
        NormalizedUserName = r.NormalizedUserName,
        Email = r.Email,
        NormalizedEmail = r.NormalizedEmail,
        EmailConfirmed = r.EmailConfirmed,
        DisplayName = r.DisplayName,
        PasswordHash = r.PasswordHash,
        SecurityStamp = r.SecurityStamp,
        ConcurrencyStamp = r.ConcurrencyStamp,
        LockoutEnabled = r.LockoutEnabled,
        LockoutEnd = r.LockoutEnd,
        AccessFailedCount = r.AccessFailedCount,
        CreatedAt = r.CreatedAt,
    };

    public UserRecord ToRecord() => new(Id, OrganisationId, UserName ?? "", NormalizedUserName ?? "", Email, NormalizedEmail,
        EmailConfirmed, DisplayName, PasswordHash, SecurityStamp, ConcurrencyStamp, LockoutEnabled, LockoutEnd, AccessFailedCount, CreatedAt);
}
