using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using OpenCcer.Application;
using OpenCcer.Application.Cash;
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

    private static async Task<IResult> Deposit(HttpContext http, CashDesk cash, JsonSerializerOptions json) =>
        await Move(http, json, (caller, body, ct) => cash.DepositAsync(caller, body, ct));

    private static async Task<IResult> Withdraw(HttpContext http, CashDesk cash, JsonSerializerOptions json) =>
        await Move(http, json, (caller, body, ct) => cash.WithdrawAsync(caller, body, ct));

    private static async Task<IResult> Move(HttpContext http, JsonSerializerOptions json, Func<Caller, CashRequest, CancellationToken, Task<Outcome<CashMoved>>> move)
    {
        var (body, problem) = await RequestReader.ReadAsync<CashRequest>(http, json);
        if (problem is not null) return problem;
        return (await move(Caller.Of(http.User), body!, http.RequestAborted)).ToResult(moved => TypedResults.Ok(new
        {
            moved.OperationId,
            moved.Sequence,
            moved.Replayed,
            moved.BankReference,
            Cash = View(moved.ParticipantId, moved.Account),
        }));
    }

    private static CashView View(long participant, CashAccountRow? row) =>
        new(participant, row?.BalanceFen ?? 0, row?.HeldFen ?? 0, row?.AvailableFen ?? 0);

    private static async Task<IResult> Balance(HttpContext http, CashDesk cash, [FromQuery(Name = "participant_id")] long? participantId) =>
        (await cash.BalanceAsync(Caller.Of(http.User), participantId, http.RequestAborted)).ToResult(row => TypedResults.Ok(View(row.ParticipantId, row)));

    private static async Task<IResult> Statement(HttpContext http, CashDesk cash, [FromQuery(Name = "participant_id")] long? participantId,
        [FromQuery(Name = "after_id")] long? afterId, int? limit) =>
        (await cash.StatementAsync(Caller.Of(http.User), participantId, afterId, limit, http.RequestAborted)).ToResult(s => TypedResults.Ok(new
        {
            s.ParticipantId,
            Postings = s.Postings.Select(p => new PostingView(p.Id, p.Kind, p.AmountFen, p.BalanceFen, p.Reference, p.At)),
        }));
}
