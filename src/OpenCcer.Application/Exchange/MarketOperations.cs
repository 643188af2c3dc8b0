using OpenCcer.Core.Exchange;
using OpenCcer.Core.Registry;
using OpenCcer.Storage.Exchange;
using static OpenCcer.Application.Exchange.ExchangeSubmission;

namespace OpenCcer.Application.Exchange;

/// <summary>The exchange operator's day: closing the trading day, settling a day's trades, suspending and resuming an instrument.</summary>
public sealed class MarketOperations(ExchangeEngine exchange)
{
    /// <summary>Closes the trading day of every market whose close has passed: open listings and proposals expire.</summary>
    public Task<Outcome<ExchangeDone>> CloseDayAsync(Caller caller, OperationOnlyRequest request, CancellationToken ct = default) =>
        OperateAsync(exchange, caller, request, new ExchangeRequest("close_markets", caller.SubjectId), _ => ExchangeStep.Run(new CloseMarkets()), ct);

    /// <summary>Settles every trade of a trading day after its close: gross, delivery versus payment, with the registry in one step.</summary>
    public async Task<Outcome<ExchangeDone>> SettleAsync(Caller caller, SettleTradesRequest request, CancellationToken ct = default)
    {
        var r = new Fields();
        var op = r.OperationId(request.OperationId);
        var date = r.Date("date", request.Date);
        return await OperateAsync(exchange, caller, r, op, new ExchangeRequest("settle_trades", caller.SubjectId, Terms: [date]),
            _ => ExchangeStep.Run(new SettleTrades(date)), ct);
    }

    public async Task<Outcome<ExchangeDone>> SuspendAsync(Caller caller, Instrument instrument, SuspendRequest request, CancellationToken ct = default)
    {
        var r = new Fields();
        var op = r.OperationId(request.OperationId);
        var reason = r.Text("reason", request.Reason, LedgerLimits.TextLengthMax);
        return await OperateAsync(exchange, caller, r, op, new ExchangeRequest("suspend_instrument", caller.SubjectId, instrument, null, [reason]),
            _ => ExchangeStep.Run(new ToMarket(instrument, new SuspendInstrument(reason))), ct);
    }

    public Task<Outcome<ExchangeDone>> ResumeAsync(Caller caller, Instrument instrument, OperationOnlyRequest request, CancellationToken ct = default) =>
        OperateAsync(exchange, caller, request, new ExchangeRequest("resume_instrument", caller.SubjectId, instrument),
            _ => ExchangeStep.Run(new ToMarket(instrument, new ResumeInstrument())), ct);
}
