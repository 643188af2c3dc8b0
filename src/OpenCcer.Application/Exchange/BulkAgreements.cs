using OpenCcer.Core.Exchange;
using OpenCcer.Core.Primitives;
using OpenCcer.Core.Registry;
using OpenCcer.Storage.Exchange;
using static OpenCcer.Application.Exchange.ExchangeSubmission;

namespace OpenCcer.Application.Exchange;

/// <summary>
/// Bulk agreements (大宗协议): an account holder proposes to a counterparty named by its subject id; the
/// counterparty confirms (one trade) or declines; the proposer withdraws its own by declining it.
/// </summary>
public sealed class BulkAgreements(ExchangeEngine exchange)
{
    /// <summary>Proposes a bulk agreement to a counterparty, which needs a trading account too; the proposer's side is reserved.</summary>
    public async Task<Outcome<ExchangeDone>> ProposeAsync(Caller caller, Instrument instrument, ProposeBulkRequest request, CancellationToken ct = default)
    {
        var r = new Fields();
        var op = r.OperationId(request.OperationId);
        var counterparty = r.Required("counterparty_subject_id", string.IsNullOrWhiteSpace(request.CounterpartySubjectId)
            ? null : request.CounterpartySubjectId.Trim());
        var side = r.Enum<Side>("side", request.Side);
        var price = Price(r, "price_fen", request.PriceFen);
        var quantity = r.Quantity("quantity_tonnes", request.QuantityTonnes);
        var ask = new ExchangeRequest("propose_bulk", caller.SubjectId, instrument, null, [counterparty, side, price.Fen, quantity]);
        return await TradeAsync(exchange, caller, r, op, ask, (c, me) =>
            c.ParticipantOf(counterparty) is { } other
                ? ExchangeStep.Run(new ToMarket(instrument, new ProposeBulk(new OrderId(c.Sequence), me, other, side, price, new Tonnes(quantity),
                    c.Position(me, instrument))))
                : ExchangeStep.Refuse(VenueStatus.NoTradingAccount), opensOrder: true, ct);
    }

    /// <summary>Confirms a proposal made to the caller: one trade at its price and quantity.</summary>
    public Task<Outcome<ExchangeDone>> ConfirmAsync(Caller caller, Instrument instrument, long proposal, OperationOnlyRequest request,
        CancellationToken ct = default) =>
        TradeAsync(exchange, caller, request, new ExchangeRequest("confirm_bulk", caller.SubjectId, instrument, proposal),
            (c, me) => ExchangeStep.Run(new ToMarket(instrument, new ConfirmBulk(new OrderId(proposal), me, c.Position(me, instrument)))), ct);

    /// <summary>Declines a proposal made to the caller, or withdraws the caller's own; the proposer's reservation is released.</summary>
    public Task<Outcome<ExchangeDone>> DeclineAsync(Caller caller, Instrument instrument, long proposal, OperationOnlyRequest request,
        CancellationToken ct = default) =>
        TradeAsync(exchange, caller, request, new ExchangeRequest("decline_bulk", caller.SubjectId, instrument, proposal),
            (_, me) => ExchangeStep.Run(new ToMarket(instrument, new DeclineBulk(new OrderId(proposal), me))), ct);
}
