using OpenCcer.Application;
using OpenCcer.Core.Registry;
using OpenCcer.Server.Api;
using OpenCcer.Storage;

namespace OpenCcer.Server.Web;

/// <summary>
/// What the holdings and cancellation-request forms still do through the API's services (the registry
/// engine, the request reader and its problem details), never over HTTP. The lifecycle and document forms
/// call the application's handlers instead. Each method answers with the result the API would give, which
/// <see cref="FormErrors"/> reads.
/// </summary>
public sealed class PortalActions(LedgerStore store, RegistryEngine engine, TimeProvider time)
{
    /// <summary>Moves units between the caller's own registry and trading accounts.</summary>
    public async Task<IResult> MoveAsync(HttpContext http, string? operationId, long? fromAccount, string? projectCode, int? vintage, long? quantity)
    {
        var r = new Fields();
        var op = r.OperationId(operationId);
        var from = r.Required("from_account_id", fromAccount);
        var instrument = r.Instrument(projectCode, vintage);
        var tonnes = r.Quantity("quantity_tonnes", quantity);
        if (r.HasErrors) return r.Refusal().ToProblem();
        var account = await store.AccountAsync(from, http.RequestAborted);
        if (account is null) return Problems.For(LedgerStatus.AccountNotFound, $"No account {from}.");
        if (!Caller.Of(http.User).Owns(account.SubjectId)) return Problems.Forbidden("This account belongs to another subject.");
        var toTrading = account.Kind == (int)AccountKind.Registry;
        return await Operations.SubmitAsync(engine, op, new TransferUnits(new AccountId(from), new AccountId(account.PairId), instrument, tonnes,
            toTrading ? TransferReason.ToTrading : TransferReason.FromTrading, null), http.RequestAborted);
    }

    public Task<IResult> RequestCancellationAsync(HttpContext http, CancellationRequestBody body) =>
        CancellationRequestEndpoints.RequestAsync(http, store, engine, time, body);

    public Task<IResult> ConfirmCancellationAsync(HttpContext http, Guid id) =>
        CancellationRequestEndpoints.Confirm(http, store, engine, time, id);

    public Task<IResult> RejectCancellationAsync(HttpContext http, Guid id, string? reason)
    {
        var r = new Fields();
        var text = r.Required("reason", reason);
        return r.HasErrors ? Task.FromResult(r.Refusal().ToProblem()) : CancellationRequestEndpoints.RejectAsync(http, store, engine, time, id, text);
    }
}
