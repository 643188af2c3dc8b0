using OpenCcer.Core.Registry;
using OpenCcer.Storage;

namespace OpenCcer.Application.Registry;

/// <summary>
/// Hands one command to the registry's writer, with the guard that decides on the live ledger who may run
/// it, and turns the answer into an outcome: the accepted change, or the refusal of the guard, of the
/// ledger, of an operation id reused for another request, or of an unavailable store.
/// </summary>
public static class RegistryWrites
{
    /// <summary>
    /// Refuses bad <paramref name="fields"/> first, then a caller <paramref name="denied"/> before the ledger is
    /// asked; otherwise submits as <see cref="SubmitAsync(RegistryEngine, string, LedgerCommand, Func{Ledger, Refusal?}?, CancellationToken)"/>.
    /// </summary>
    public static Task<Outcome<OperationView>> SubmitAsync(RegistryEngine engine, Fields fields, string operationId, Refusal? denied,
        LedgerCommand command, Func<Ledger, Refusal?>? guard, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (fields.HasErrors) return Task.FromResult<Outcome<OperationView>>(fields.Refusal());
        if (denied is not null) return Task.FromResult<Outcome<OperationView>>(denied);
        return SubmitAsync(engine, operationId, command, guard, ct);
    }

    /// <summary>The accepted change, or why not.</summary>
    public static async Task<Outcome<OperationView>> SubmitAsync(RegistryEngine engine, string operationId, LedgerCommand command,
        Func<Ledger, Refusal?>? guard, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(engine);
        Submission s;
        try
        {
            s = await engine.SubmitAsync(operationId, command, guard is null ? null : ledger => guard(ledger), ct);
        }
        catch (StoreUnavailableException e)
        {
            return Refusals.StoreUnavailable("registry", e.Message);
        }
        if (s.Denial is Refusal denied) return denied;
        if (s.IdempotencyConflict) return Refusals.IdempotencyConflict(operationId);
        if (!s.Result.IsOk) return Refusals.Of(s.Status, existingId: s.Result.ExistingId);
        return new OperationView(operationId, s.Sequence!.Value, s.Replayed, RegistryChange.Of(s.Result.Event!));
    }
}
