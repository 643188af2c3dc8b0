using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using OpenCcer.Application;
using OpenCcer.Core.Exchange;
using OpenCcer.Core.Lifecycle;
using OpenCcer.Storage;
using OpenCcer.Storage.Exchange;

namespace OpenCcer.Server.Api;

/// <summary>
/// Cash accounts at the exchange, in fen: deposits and withdrawals through the settlement bank, the
/// balance (held for open buys and unsettled purchases, available for the rest) and the statement.
/// </summary>
public static class CashEndpoints
{
    public static IEndpointRouteBuilder MapCashEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/exchange/cash").WithTags("Exchange cash").ProducesProblem(400).ProducesProblem(401).ProducesProblem(403);
        api.MapPost("/deposits", Deposit).RequireAuthorization(ExchangeSetup.TraderPolicy).Accepts<CashRequest>("application/json")
            .WithSummary("Deposit cash from the participant's bank account (confirmed by the settlement bank).");
        api.MapPost("/withdrawals", Withdraw).RequireAuthorization(ExchangeSetup.TraderPolicy).Accepts<CashRequest>("application/json")
            .WithSummary("Withdraw available cash to the participant's bank account.");
        api.MapGet("", Balance).RequireAuthorization(ExchangeSetup.ReportReaderPolicy)
            .WithSummary("Cash balance, held and available (own; the exchange and the regulator name a participant_id).");
        api.MapGet("/statement", Statement).RequireAuthorization(ExchangeSetup.ReportReaderPolicy)
            .WithSummary("Postings with running balance, oldest first, after after_id.");
        return app;
    }

    private static Task<IResult> Deposit(HttpContext http, ExchangeEngine exchange, ISettlementBank bank, JsonSerializerOptions json) =>
        Move(http, exchange, bank, json, CashDesk.DepositAsync);

    private static Task<IResult> Withdraw(HttpContext http, ExchangeEngine exchange, ISettlementBank bank, JsonSerializerOptions json) =>
        Move(http, exchange, bank, json, CashDesk.WithdrawAsync);

    private static async Task<IResult> Move(HttpContext http, ExchangeEngine exchange, ISettlementBank bank, JsonSerializerOptions json,
        Func<ExchangeEngine, ISettlementBank, string, ParticipantId, Money, CancellationToken, Task<(ExchangeOutcome, BankReceipt?)>> move)
    {
        var (body, problem) = await RequestReader.ReadAsync<CashRequest>(http, json);
        if (problem is not null) return problem;
        var r = new Fields();
        var op = r.OperationId(body!.OperationId);
        if (body.AmountFen is null or <= 0) r.Fail("amount_fen", "Required: a positive amount in fen (100 = 1.00 CNY).");
        if (r.HasErrors) return r.Refusal().ToProblem();
        var me = await ExchangeCall.ParticipantAsync(exchange.Store, Caller.Of(http.User).SubjectId, http.RequestAborted);
        if (me is null) return ExchangeProblems.For(VenueStatus.NoTradingAccount);
        ExchangeOutcome outcome;
        BankReceipt? receipt;
        try
        {
            (outcome, receipt) = await move(exchange, bank, op, new ParticipantId(me.Value), new Money(body.AmountFen!.Value), http.RequestAborted);
        }
        catch (StoreUnavailableException e)
        {
            return ExchangeCall.Unavailable(e);
        }
        if (ExchangeProblems.Of(outcome, op) is { } refused) return outcome.Status == VenueStatus.BankRefused && receipt?.Reason is { } why
            ? ExchangeProblems.For(VenueStatus.BankRefused, why)
            : refused;
        var account = await exchange.Store.CashAccountAsync(me.Value, http.RequestAborted);
        return TypedResults.Ok(new
        {
            OperationId = op,
            Sequence = outcome.Sequence!.Value,
            outcome.Replayed,
            BankReference = receipt?.Reference,
            Cash = View(me.Value, account),
        });
    }

    private static CashView View(long participant, CashAccountRow? row) =>
        new(participant, row?.BalanceFen ?? 0, row?.HeldFen ?? 0, row?.AvailableFen ?? 0);

    /// <summary>The participant whose cash the caller may read: its own, or any named one for the exchange and the regulator.</summary>
    private static async Task<(long? Participant, IResult? Problem)> Whose(HttpContext http, LedgerStore store, long? participantId)
    {
        var caller = Caller.Of(http.User);
        if (caller.Role is Role.ExchangeOperator or Role.Regulator)
            return participantId is { } named ? (named, null) : (null, Problems.Invalid("participant_id", "Required: the participant (trading account id) to read."));
        var me = await ExchangeCall.ParticipantAsync(store, caller.SubjectId, http.RequestAborted);
        if (me is null) return (null, ExchangeProblems.For(VenueStatus.NoTradingAccount));
        return participantId is null || participantId == me ? (me, null) : (null, Problems.Forbidden("This cash account belongs to another subject."));
    }

    private static async Task<IResult> Balance(HttpContext http, ExchangeEngine exchange, [FromQuery(Name = "participant_id")] long? participantId)
    {
        var (who, problem) = await Whose(http, exchange.Store, participantId);
        if (problem is not null) return problem;
        return TypedResults.Ok(View(who!.Value, await exchange.Store.CashAccountAsync(who.Value, http.RequestAborted)));
    }

    private static async Task<IResult> Statement(HttpContext http, ExchangeEngine exchange, [FromQuery(Name = "participant_id")] long? participantId,
        [FromQuery(Name = "after_id")] long? afterId, int? limit)
    {
        var (who, problem) = await Whose(http, exchange.Store, participantId);
        if (problem is not null) return problem;
        var postings = await exchange.Store.CashPostingsAsync(who!.Value, afterId ?? 0, limit ?? 100, http.RequestAborted);
        return TypedResults.Ok(new
        {
            ParticipantId = who.Value,
            Postings = postings.Select(p => new PostingView(p.Id, p.Kind, p.AmountFen, p.BalanceFen, p.Reference, p.At)),
        });
    }
}
