using Microsoft.AspNetCore.Identity;
using OpenCcer.Storage;
using OpenCcer.Storage.People;

namespace OpenCcer.Server.People;

/// <summary>
/// Identity's user store over the registry's own database connection (no EF Core). Every save checks the
/// concurrency stamp, so two writers of one user (say, two failed sign-ins at once) cannot overwrite each
/// other silently: the second gets a concurrency failure.
/// </summary>
public sealed class UserStore(LedgerStore store, TimeProvider time, IdentityErrorDescriber describer) :
    IUserPasswordStore<User>, IUserSecurityStampStore<User>, IUserLockoutStore<User>, IUserEmailStore<User>
{
    public async Task<IdentityResult> CreateAsync(User user, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(user.OrganisationId)) throw new InvalidOperationException("A user belongs to an organisation.");
        if (string.IsNullOrEmpty(user.Id)) user.Id = Guid.CreateVersion7(time.GetUtcNow()).ToString();
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        if (string.IsNullOrEmpty(user.CreatedAt)) user.CreatedAt = Stamp.Of(time.GetUtcNow());
        return await store.People.AddUserAsync(user.ToRecord(), ct) == InsertOutcome.Inserted
            ? IdentityResult.Success
            : IdentityResult.Failed(describer.DuplicateUserName(user.UserName ?? ""));
    }

    public async Task<IdentityResult> UpdateAsync(User user, CancellationToken ct)
    {
        var expected = user.ConcurrencyStamp;
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        if (await store.People.UpdateUserAsync(user.ToRecord(), expected, ct)) return IdentityResult.Success;
        user.ConcurrencyStamp = expected;
        return IdentityResult.Failed(describer.ConcurrencyFailure());
    }

    public async Task<IdentityResult> DeleteAsync(User user, CancellationToken ct) =>
        await store.People.DeleteUserAsync(user.Id, user.ConcurrencyStamp, ct) ? IdentityResult.Success : IdentityResult.Failed(describer.ConcurrencyFailure());

    public async Task<User?> FindByIdAsync(string userId, CancellationToken ct) =>
        await store.People.UserAsync(userId, ct) is { } r ? User.From(r) : null;

    public async Task<User?> FindByNameAsync(string normalizedUserName, CancellationToken ct) =>
        await store.People.UserByNameAsync(normalizedUserName, ct) is { } r ? User.From(r) : null;

    public async Task<User?> FindByEmailAsync(string normalizedEmail, CancellationToken ct) =>
        await store.People.UserByEmailAsync(normalizedEmail, ct) is { } r ? User.From(r) : null;

    public Task<string> GetUserIdAsync(User user, CancellationToken ct) => Task.FromResult(user.Id);

    public Task<string?> GetUserNameAsync(User user, CancellationToken ct) => Task.FromResult(user.UserName);

    public Task SetUserNameAsync(User user, string? userName, CancellationToken ct) => Set(() => user.UserName = userName);

    public Task<string?> GetNormalizedUserNameAsync(User user, CancellationToken ct) => Task.FromResult(user.NormalizedUserName);

    public Task SetNormalizedUserNameAsync(User user, string? normalizedName, CancellationToken ct) => Set(() => user.NormalizedUserName = normalizedName);

    public Task SetPasswordHashAsync(User user, string? passwordHash, CancellationToken ct) => Set(() => user.PasswordHash = passwordHash);

    public Task<string?> GetPasswordHashAsync(User user, CancellationToken ct) => Task.FromResult(user.PasswordHash);

    public Task<bool> HasPasswordAsync(User user, CancellationToken ct) => Task.FromResult(user.PasswordHash is not null);

    public Task SetSecurityStampAsync(User user, string stamp, CancellationToken ct) => Set(() => user.SecurityStamp = stamp);

    public Task<string?> GetSecurityStampAsync(User user, CancellationToken ct) => Task.FromResult<string?>(user.SecurityStamp);

    public Task<DateTimeOffset?> GetLockoutEndDateAsync(User user, CancellationToken ct) => Task.FromResult(user.LockoutEnd);

    public Task SetLockoutEndDateAsync(User user, DateTimeOffset? lockoutEnd, CancellationToken ct) => Set(() => user.LockoutEnd = lockoutEnd);

    public Task<int> IncrementAccessFailedCountAsync(User user, CancellationToken ct) => Task.FromResult(++user.AccessFailedCount);

    public Task ResetAccessFailedCountAsync(User user, CancellationToken ct) => Set(() => user.AccessFailedCount = 0);

    public Task<int> GetAccessFailedCountAsync(User user, CancellationToken ct) => Task.FromResult(user.AccessFailedCount);

    public Task<bool> GetLockoutEnabledAsync(User user, CancellationToken ct) => Task.FromResult(user.LockoutEnabled);

    public Task SetLockoutEnabledAsync(User user, bool enabled, CancellationToken ct) => Set(() => user.LockoutEnabled = enabled);

    public Task SetEmailAsync(User user, string? email, CancellationToken ct) => Set(() => user.Email = email);

    public Task<string?> GetEmailAsync(User user, CancellationToken ct) => Task.FromResult(user.Email);

    public Task<bool> GetEmailConfirmedAsync(User user, CancellationToken ct) => Task.FromResult(user.EmailConfirmed);

    public Task SetEmailConfirmedAsync(User user, bool confirmed, CancellationToken ct) => Set(() => user.EmailConfirmed = confirmed);

    public Task<string?> GetNormalizedEmailAsync(User user, CancellationToken ct) => Task.FromResult(user.NormalizedEmail);

    public Task SetNormalizedEmailAsync(User user, string? normalizedEmail, CancellationToken ct) => Set(() => user.NormalizedEmail = normalizedEmail);

    private static Task Set(Action change)
    {
        change();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
    }
}
