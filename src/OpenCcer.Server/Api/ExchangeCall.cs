using OpenCcer.Application;
using OpenCcer.Core.Exchange;
using OpenCcer.Storage;
using OpenCcer.Storage.Exchange;

namespace OpenCcer.Server.Api;

/// <summary>Submits one exchange operation and turns its outcome into an HTTP result.</summary>
internal static class ExchangeCall
{
    public static async Task<IResult> SubmitAsync(HttpContext http, ExchangeEngine exchange, string operationId, string requestHash,
        Func<ExchangeContext, ExchangeStep> build, bool opensOrder = false)
    {
        ExchangeOutcome outcome;
        try
        {
            outcome = await exchange.ExecuteAsync(operationId, requestHash, build, http.RequestAborted);
        }
        catch (StoreUnavailableException e)
        {
            return Unavailable(e);
        }
        return ExchangeProblems.Of(outcome, operationId) ?? TypedResults.Ok(ExchangeOperationView.Of(operationId, outcome, opensOrder));
    }

    public static IResult Unavailable(StoreUnavailableException e) => TypedResults.Problem(statusCode: 503,
        title: "The exchange store is unavailable.", type: Problems.StoreUnavailable, detail: e.Message + " Nothing was done; repeat the request.");

    /// <summary>The caller's participant id (its trading account), built on the writer from the live ledger.</summary>
    public static Func<ExchangeContext, ExchangeStep> AsParticipant(HttpContext http, Func<ExchangeContext, ParticipantId, ExchangeStep> build)
    {
        var subject = Caller.Of(http.User).SubjectId;
        return c => c.ParticipantOf(subject) is { } me ? build(c, me) : ExchangeStep.Refuse(VenueStatus.NoTradingAccount);
    }

    /// <summary>The participant id of a subject from the projections, for reads outside the writer.</summary>
    public static async Task<long?> ParticipantAsync(LedgerStore store, string? subjectId, CancellationToken ct) =>
        subjectId is null ? null : (await store.AccountsOfSubjectAsync(subjectId, ct)).FirstOrDefault(a => a.Kind == 2)?.Id;

    public static string Hash(HttpContext http, params object?[] fields) =>
        CashDesk.RequestHash([http.Request.Method, http.Request.Path.Value, Caller.Of(http.User).SubjectId, .. fields]);
}
