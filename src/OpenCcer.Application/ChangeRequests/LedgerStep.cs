using OpenCcer.Core.Registry;
using OpenCcer.Storage;

namespace OpenCcer.Application.ChangeRequests;

/// <summary>
/// Carries out one workflow step on the ledger. The operation id is derived from the workflow record, so a
/// step retried after a failure is applied once.
/// </summary>
internal static class LedgerStep
{
    /// <summary>The accepted event and its journal row; or the ledger's status and its refusal; or the unavailable store's refusal.</summary>
    public static async Task<(LedgerEvent? Event, long Sequence, LedgerStatus? Refused, Refusal? Refusal)> SubmitAsync(RegistryEngine engine,
        string operationId, LedgerCommand command, CancellationToken ct)
    {
        Submission s;
        try
        {
            s = await engine.SubmitAsync(operationId, command, ct);
        }
        catch (StoreUnavailableException e)
        {
            return (null, 0, null, Refusals.StoreUnavailable("registry", e.Message, "The step was recorded; repeat it to finish."));
        }
        if (s.IdempotencyConflict)
            throw new InvalidOperationException($"Workflow operation {operationId} was used for a different command.");
        return s.Result.IsOk
            ? (s.Result.Event, s.Sequence ?? 0, null, null)
            : (null, 0, s.Status, Refusals.Of(s.Status, existingId: s.Result.ExistingId));
    }
}
