using OpenCcer.Core.Registry;
using OpenCcer.Storage;

namespace OpenCcer.Server.Api;

/// <summary>Submits a command to the engine and turns the outcome into an HTTP result.</summary>
public static class Operations
{
    public static async Task<IResult> SubmitAsync(RegistryEngine engine, string operationId, LedgerCommand command, CancellationToken ct)
    {
        Submission s;
        try
        {
            s = await engine.SubmitAsync(operationId, command, ct);
        }
        catch (StoreUnavailableException e)
        {
            return TypedResults.Problem(statusCode: 503, title: "The registry store is unavailable.", type: Problems.StoreUnavailable,
                detail: e.Message);
        }
        if (s.IdempotencyConflict)
            return TypedResults.Problem(statusCode: 422, title: "Operation id already used for a different request.",
                type: Problems.IdempotencyConflict,
                detail: $"Operation '{operationId}' was committed with another body; choose a new operation id.");
        if (!s.Result.IsOk) return Problems.For(s.Status, existingId: s.Result.ExistingId);
        return TypedResults.Ok(new OperationResponse(operationId, s.Sequence!.Value, s.Replayed, s.Result.Event!));
    }
}
