using System.Security.Cryptography;
using System.Text;
using OpenCcer.Core.Primitives;
using OpenCcer.Core.Registry;
using OpenCcer.Storage;

namespace OpenCcer.Server.Api;

/// <summary>
/// Carries out one workflow step on the ledger. The operation id is derived from the workflow record, so a
/// step retried after a failure is applied once.
/// </summary>
public static class LedgerCall
{
    /// <summary>The accepted event and its journal row, or the problem to answer with (a refusal, an unavailable store).</summary>
    public static async Task<(LedgerEvent? Event, long Sequence, LedgerStatus? Refused, IResult? Problem)> SubmitAsync(RegistryEngine engine, string operationId,
        LedgerCommand command, CancellationToken ct)
    {
        Submission s;
        try
        {
            s = await engine.SubmitAsync(operationId, command, ct);
        }
        catch (StoreUnavailableException e)
        {
            return (null, 0, null, TypedResults.Problem(statusCode: 503, title: "The registry store is unavailable.", type: Problems.StoreUnavailable,
                detail: e.Message + " The step was recorded; repeat it to finish."));
        }
        if (s.IdempotencyConflict)
            throw new InvalidOperationException($"Workflow operation {operationId} was used for a different command.");
        return s.Result.IsOk
            ? (s.Result.Event, s.Sequence ?? 0, null, null)
            : (null, 0, s.Status, Problems.For(s.Status, existingId: s.Result.ExistingId));
    }

    /// <summary>A hash of a request's fields, to tell a retry from a different request under the same operation id.</summary>
    public static string HashOf(params object?[] fields) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', fields.Select(f => f?.ToString() ?? "\u0000")))));

    public static IResult ForReplay(Storage.People.InsertOutcome outcome, string operationId) => TypedResults.Problem(statusCode: 422,
        title: "Operation id already used for a different request.", type: Problems.IdempotencyConflict,
        detail: $"Operation '{operationId}' was used with another body ({outcome}); choose a new operation id.");
}
