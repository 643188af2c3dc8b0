using OpenCcer.Core.Exchange;
using OpenCcer.Core.Lifecycle;
using OpenCcer.Core.Primitives;
using OpenCcer.Storage;
using OpenCcer.Storage.Exchange;

namespace OpenCcer.Application.Exchange;

/// <summary>
/// What every exchange handler shares: who may trade and who may operate the exchange, the caller's
/// participant id on the writer's live ledger, one submission to the engine and its outcome as a refusal.
/// </summary>
internal static class ExchangeSubmission
{
    /// <summary>Trading is for callers that hold accounts (owners, participants) acting for a subject.</summary>
    public static Refusal? MayTrade(Caller caller) => caller.HoldsAccounts && caller.SubjectId is not null
        ? null
        : Refusals.Forbidden("Only an account holder trades on the exchange, for its own subject.");

    /// <summary>Closing, settling, suspending and surveillance are the exchange operator's.</summary>
    public static Refusal? MayOperate(Caller caller) => caller.Role == Role.ExchangeOperator
        ? null
        : Refusals.Forbidden("Only the exchange operator does this.");

    /// <summary>The caller's participant id (its trading account), found on the writer from the live ledger.</summary>
    public static Func<ExchangeContext, ExchangeStep> AsParticipant(Caller caller, Func<ExchangeContext, ParticipantId, ExchangeStep> build)
    {
        var subject = caller.SubjectId;
        return c => c.ParticipantOf(subject) is { } me ? build(c, me) : ExchangeStep.Refuse(VenueStatus.NoTradingAccount);
    }

    /// <summary>
    /// A participant's operation: refuses bad <paramref name="fields"/> first, then a caller who does not trade;
    /// otherwise runs <paramref name="build"/> as the caller's participant.
    /// </summary>
    public static async Task<Outcome<ExchangeDone>> TradeAsync(ExchangeEngine exchange, Caller caller, Fields fields, string operationId,
        ExchangeRequest request, Func<ExchangeContext, ParticipantId, ExchangeStep> build, bool opensOrder, CancellationToken ct)
    {
        if (fields.HasErrors) return fields.Refusal();
        if (MayTrade(caller) is { } no) return no;
        return await SubmitAsync(exchange, operationId, request, AsParticipant(caller, build), opensOrder, ct);
    }

    /// <summary>An exchange operator's operation (it opens no order): refuses bad <paramref name="fields"/> first, then any other caller.</summary>
    public static async Task<Outcome<ExchangeDone>> OperateAsync(ExchangeEngine exchange, Caller caller, Fields fields, string operationId,
        ExchangeRequest request, Func<ExchangeContext, ExchangeStep> build, CancellationToken ct)
    {
        if (fields.HasErrors) return fields.Refusal();
        if (MayOperate(caller) is { } no) return no;
        return await SubmitAsync(exchange, operationId, request, build, opensOrder: false, ct);
    }

    /// <summary>A participant's operation that carries nothing but its operation id and opens no order.</summary>
    public static Task<Outcome<ExchangeDone>> TradeAsync(ExchangeEngine exchange, Caller caller, OperationOnlyRequest body,
        ExchangeRequest request, Func<ExchangeContext, ParticipantId, ExchangeStep> build, CancellationToken ct)
    {
        var r = new Fields();
        return TradeAsync(exchange, caller, r, r.OperationId(body.OperationId), request, build, opensOrder: false, ct);
    }

    /// <summary>An exchange operator's operation that carries nothing but its operation id.</summary>
    public static Task<Outcome<ExchangeDone>> OperateAsync(ExchangeEngine exchange, Caller caller, OperationOnlyRequest body,
        ExchangeRequest request, Func<ExchangeContext, ExchangeStep> build, CancellationToken ct)
    {
        var r = new Fields();
        return OperateAsync(exchange, caller, r, r.OperationId(body.OperationId), request, build, ct);
    }

    /// <summary>Runs one operation; the engine fingerprints <paramref name="request"/>. The order id is the sequence when it opens one.</summary>
    public static async Task<Outcome<ExchangeDone>> SubmitAsync(ExchangeEngine exchange, string operationId, ExchangeRequest request,
        Func<ExchangeContext, ExchangeStep> build, bool opensOrder, CancellationToken ct)
    {
        ExchangeOutcome outcome;
        try
        {
            outcome = await exchange.ExecuteAsync(operationId, request, build, ct);
        }
        catch (StoreUnavailableException e)
        {
            return Unavailable(e);
        }
        return RefusalOf(outcome, operationId) is { } refused ? refused : new ExchangeDone(operationId, outcome, opensOrder ? outcome.Sequence : null);
    }

    /// <summary>The refusal of a refused outcome, or null when it was accepted.</summary>
    public static Refusal? RefusalOf(ExchangeOutcome outcome, string operationId)
    {
        if (outcome.IdempotencyConflict) return Refusals.IdempotencyConflict(operationId);
        if (outcome.LedgerRefusal is { } ledger) return Refusals.Of(ledger);
        if (outcome.Status == VenueStatus.MarketRefused) return Refusals.Of(outcome.MarketStatus);
        return outcome.Status == VenueStatus.Ok ? null : Refusals.Of(outcome.Status);
    }

    public static Refusal Unavailable(StoreUnavailableException e) =>
        Refusals.StoreUnavailable("exchange", e.Message, "Nothing was done; repeat the request.");

    /// <summary>A required price in fen, at least 1.</summary>
    public static PricePerTonne Price(Fields r, string field, long? fen)
    {
        if (fen is null) r.Fail(field, "Required: a price in fen per tonne (5000 = 50.00 CNY/t).");
        else if (fen <= 0) r.Fail(field, "Must be at least 1 fen.");
        return new PricePerTonne(fen ?? 0);
    }
}
