using OpenCcer.Core.Registry;
using OpenCcer.Storage;
using OpenCcer.Storage.Projections;

namespace OpenCcer.Application.Registry;

/// <summary>
/// The registry's unit use cases: issuing, transferring (between a subject's own accounts, or between
/// holders by law), cancelling (注销), and judicial unit freezes. Who may act on an account is decided on
/// the writer against the live ledger, together with the command.
/// </summary>
public sealed class UnitHandlers(RegistryEngine engine)
{
    public Task<Outcome<OperationView>> IssueAsync(Caller caller, IssueRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var r = new Fields();
        var op = r.OperationId(request.OperationId);
        var reference = r.Required("reference", request.Reference);
        var (instrument, quantity) = r.Units(request.ProjectCode, request.Vintage, request.QuantityTonnes);
        var account = r.Required("account_id", request.AccountId);
        var denied = caller.IsAdministrator ? null : Refusals.Forbidden("Units are issued by the registry administrator.");
        return RegistryWrites.SubmitAsync(engine, r, op, denied, new IssueUnits(reference, instrument, quantity, new AccountId(account)), null, ct);
    }

    /// <summary>
    /// A transfer between a subject's own registry and trading accounts by their owner (or the registry); a
    /// transfer between holders by inheritance or court enforcement by the registry administrator alone.
    /// </summary>
    public Task<Outcome<OperationView>> TransferAsync(Caller caller, TransferRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var r = new Fields();
        var op = r.OperationId(request.OperationId);
        var from = r.Required("from_account_id", request.FromAccountId);
        var to = r.Required("to_account_id", request.ToAccountId);
        var (instrument, quantity) = r.Units(request.ProjectCode, request.Vintage, request.QuantityTonnes);
        var reason = r.Enum<TransferReason>("reason", request.Reason);
        var legal = reason is TransferReason.Inheritance or TransferReason.CourtEnforcement;
        var denied = legal && !caller.IsAdministrator
            ? Refusals.Forbidden("Transfers by inheritance or court enforcement are recorded by the registry administrator.")
            : null;
        Func<Ledger, Refusal?>? guard = legal ? null : ledger => Ownership.MustOwn(caller, ledger, from);
        return RegistryWrites.SubmitAsync(engine, r, op, denied, new TransferUnits(new AccountId(from), new AccountId(to),
            instrument, quantity, reason, request.AuthorityReference), guard, ct);
    }

    /// <summary>
    /// Moves units from one of the caller's own accounts to its bound account (registry to trading, or back):
    /// only the account's own subject, not the registry on its behalf.
    /// </summary>
    public async Task<Outcome<OperationView>> MoveAsync(Caller caller, MoveRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var r = new Fields();
        var op = r.OperationId(request.OperationId);
        var from = r.Required("from_account_id", request.FromAccountId);
        var (instrument, quantity) = r.Units(request.ProjectCode, request.Vintage, request.QuantityTonnes);
        if (r.HasErrors) return r.Refusal();
        // An account's kind and its pair never change once opened, so reading them first cannot be overtaken.
        (AccountKind Kind, AccountId Pair)? account;
        try
        {
            account = await engine.ReadAsync(ledger =>
                ledger.FindAccount(new AccountId(from)) is { } a ? (a.Kind, a.Pair) : ((AccountKind, AccountId)?)null, ct);
        }
        catch (StoreUnavailableException e)
        {
            return Refusals.StoreUnavailable("registry", e.Message);
        }
        if (account is not { } found) return Ownership.NoAccount(from);
        var reason = found.Kind == AccountKind.Registry ? TransferReason.ToTrading : TransferReason.FromTrading;
        return await RegistryWrites.SubmitAsync(engine, op, new TransferUnits(new AccountId(from), found.Pair, instrument, quantity, reason, null),
            ledger => Ownership.MustBeOwners(caller, ledger, from), ct);
    }

    /// <summary>
    /// Cancels units of an account by its owner (or the registry); forced and judicial cancellations by the
    /// registry administrator alone; never units the exchange holds.
    /// </summary>
    /// <param name="isPerson">
    /// Whether a signed-in person calls: people cancel only through maker-checker requests; this direct use
    /// case serves systems whose keys act for no person.
    /// </param>
    public Task<Outcome<OperationView>> CancelAsync(Caller caller, bool isPerson, CancelRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var r = new Fields();
        var op = r.OperationId(request.OperationId);
        var account = r.Required("account_id", request.AccountId);
        var (instrument, quantity) = r.Units(request.ProjectCode, request.Vintage, request.QuantityTonnes);
        var purpose = r.Enum<CancellationPurpose>("purpose", request.Purpose);
        var beneficiary = r.Required("beneficiary", request.Beneficiary);
        var denied = isPerson ? Refusals.MakerCheckerRequired("/api/v1/cancellation-requests") : null;
        var registrys = purpose is CancellationPurpose.Forced or CancellationPurpose.Judicial;
        var held = request.ReservationId;
        Refusal? Guard(Ledger ledger) =>
            (held is { } rid ? Ownership.NotExchanges(ledger, rid) : null)
            ?? (!registrys ? Ownership.MustOwn(caller, ledger, account)
                : caller.IsAdministrator ? null : Refusals.Forbidden("Forced and judicial cancellations are the registry's."));
        return RegistryWrites.SubmitAsync(engine, r, op, denied, new CancelUnits(new AccountId(account), instrument, quantity,
            purpose, beneficiary, held is { } id ? new ReservationId(id) : null), Guard, ct);
    }

    /// <summary>Judicially freezes specific units: a serial range, or a quantity the ledger picks.</summary>
    public Task<Outcome<OperationView>> FreezeAsync(Caller caller, FreezeUnitsRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var r = new Fields();
        var op = r.OperationId(request.OperationId);
        var account = r.Required("account_id", request.AccountId);
        var instrument = r.Instrument(request.ProjectCode, request.Vintage);
        var reference = r.Required("authority_reference", request.AuthorityReference);
        var byRange = request.FirstSerial is not null || request.LastSerial is not null;
        if (byRange && (request.FirstSerial is null || request.LastSerial is null || request.FirstSerial < 1 || request.LastSerial < request.FirstSerial))
            r.Fail("first_serial", "Give first_serial and last_serial with 1 ≤ first ≤ last, or quantity_tonnes alone.");
        if (byRange && request.QuantityTonnes is not null) r.Fail("quantity_tonnes", "Give either a serial range or a quantity, not both.");
        long? quantity = byRange ? null : r.Quantity("quantity_tonnes", request.QuantityTonnes);
        var denied = caller.IsAdministrator ? null : Authority.JudicialIsRegistrys;
        return RegistryWrites.SubmitAsync(engine, r, op, denied, new FreezeUnits(new AccountId(account), instrument, quantity,
            request.FirstSerial, request.LastSerial, reference), null, ct);
    }

    /// <summary>Lifts a unit freeze (the registry administrator, on an authority's reference).</summary>
    public Task<Outcome<OperationView>> LiftFreezeAsync(Caller caller, long freezeId, AuthorityRequest request, CancellationToken ct) =>
        Authority.SubmitAsync(engine, caller, request, reference => new UnfreezeUnits(new FreezeId(freezeId), reference), ct);

    /// <summary>One freeze, for whoever may read its account.</summary>
    public async Task<Outcome<FreezeRow>> GetFreezeAsync(Caller caller, long freezeId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var freeze = await engine.Store.Registry.FreezeAsync(freezeId, ct);
        if (freeze is null) return Refusals.Of(LedgerStatus.FreezeNotFound, $"No freeze {freezeId}.");
        var account = await engine.Store.Registry.AccountAsync(freeze.AccountId, ct);
        return account is not null && caller.MayRead(account.SubjectId) ? freeze : Refusals.Forbidden("Not your account.");
    }
}
