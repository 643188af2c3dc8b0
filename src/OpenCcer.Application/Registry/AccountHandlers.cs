using OpenCcer.Core.Registry;
using OpenCcer.Storage;
using OpenCcer.Storage.Projections;

namespace OpenCcer.Application.Registry;

/// <summary>
/// The registry's account use cases: opening a subject's accounts, restricting, reactivating or closing
/// them, judicial account freezes, and the account reads that carry a rule of who may see what.
/// </summary>
public sealed class AccountHandlers(RegistryEngine engine)
{
    private LedgerStore Store => engine.Store;

    public Task<Outcome<OperationView>> OpenAsync(Caller caller, OpenAccountRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var r = new Fields();
        var op = r.OperationId(request.OperationId);
        var subject = r.Required("subject_id", request.SubjectId);
        var name = r.Required("subject_name", request.SubjectName);
        var type = r.Enum<HolderType>("holder_type", request.HolderType);
        var denied = caller.IsAdministrator ? null : Refusals.Forbidden("Accounts are opened by the registry administrator.");
        return RegistryWrites.SubmitAsync(engine, r, op, denied, new OpenAccount(subject, name, type), null, ct);
    }

    /// <param name="isPerson">
    /// Whether a signed-in person calls: people change accounts only through maker-checker requests (an
    /// initiator and a different confirmer); this direct use case serves systems whose keys act for no person.
    /// </param>
    public Task<Outcome<OperationView>> ChangeStateAsync(Caller caller, bool isPerson, long accountId, AccountStateRequest request,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var r = new Fields();
        var op = r.OperationId(request.OperationId);
        var state = r.Enum<AccountState>("state", request.State);
        var reason = r.Required("reason", request.Reason);
        var denied = isPerson ? Refusals.MakerCheckerRequired("/api/v1/account-state-requests")
            : caller.IsAdministrator ? null : Refusals.Forbidden("Account states are changed by the registry administrator.");
        return RegistryWrites.SubmitAsync(engine, r, op, denied, new ChangeAccountState(new AccountId(accountId), state, reason), null, ct);
    }

    /// <summary>Judicially freezes an account (the registry administrator, on an authority's reference).</summary>
    public Task<Outcome<OperationView>> FreezeAsync(Caller caller, long accountId, AuthorityRequest request, CancellationToken ct) =>
        Authority.SubmitAsync(engine, caller, request, reference => new FreezeAccount(new AccountId(accountId), reference), ct);

    /// <summary>Lifts an account freeze (the registry administrator, on an authority's reference).</summary>
    public Task<Outcome<OperationView>> UnfreezeAsync(Caller caller, long accountId, AuthorityRequest request, CancellationToken ct) =>
        Authority.SubmitAsync(engine, caller, request, reference => new UnfreezeAccount(new AccountId(accountId), reference), ct);

    /// <summary>
    /// All accounts, a page at a time, for the registry and the regulator; an account holder's own subject's
    /// accounts; nobody else's.
    /// </summary>
    public async Task<Outcome<List<AccountRow>>> ListAsync(Caller caller, int? limit, int? offset, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.IsRegistryOrRegulator) return await Store.Registry.AccountsAsync(limit ?? 100, offset ?? 0, ct);
        if (caller.SubjectId is null) return Refusals.Forbidden("Only the registry and the regulator list all accounts.");
        return await Store.Registry.AccountsOfSubjectAsync(caller.SubjectId, ct);
    }

    /// <summary>One account, for its owner, the registry, the regulator and the exchange.</summary>
    public async Task<Outcome<AccountRow>> GetAsync(Caller caller, long accountId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var account = await Store.Registry.AccountAsync(accountId, ct);
        if (account is null) return Ownership.NoAccount(accountId);
        return caller.MayRead(account.SubjectId) ? account : Ownership.OtherSubject;
    }

    /// <summary>An account's holdings per instrument, each with its serial blocks, for whoever may read the account.</summary>
    public async Task<Outcome<List<HoldingView>>> HoldingsAsync(Caller caller, long accountId, SerialFormat format, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(format);
        var readable = await GetAsync(caller, accountId, ct);
        if (!readable.IsOk) return readable.Refusal!;
        var holdings = await Store.Registry.HoldingsAsync(accountId, ct);
        var blocks = await Store.Registry.BlocksAsync(accountId, ct);
        return holdings.Select(h => new HoldingView(h.ProjectCode, h.Vintage, h.Available, h.Reserved, h.Frozen, h.Cancelled,
            blocks.Where(b => b.ProjectCode == h.ProjectCode && b.Vintage == h.Vintage).Select(b => new BlockView(
                format.Render(new Instrument(b.ProjectCode, b.Vintage), b.First, b.Last), b.First, b.Last, b.Last - b.First + 1,
                Fields.Snake(((UnitState)b.State).ToString()), b.IssuanceId, b.Hold)).ToList())).ToList();
    }
}
