using OpenCcer.Core.Exchange;
using OpenCcer.Core.Registry;
using OpenCcer.Storage.Exchange;
using static OpenCcer.Application.Exchange.ExchangeSubmission;

namespace OpenCcer.Application.Exchange;

/// <summary>
/// Surveillance (T 36-44): the exchange operator restricts a trading subject in a market, so every trading
/// command of it is refused, and lifts the restriction. The subject must have a trading account.
/// </summary>
public sealed class Surveillance(ExchangeEngine exchange)
{
    public async Task<Outcome<ExchangeDone>> RestrictAsync(Caller caller, Instrument instrument, RestrictSubjectRequest request,
        CancellationToken ct = default)
    {
        var r = new Fields();
        var op = r.OperationId(request.OperationId);
        var participant = r.Required("participant_id", request.ParticipantId);
        var reason = r.Text("reason", request.Reason, LedgerLimits.TextLengthMax);
        if (r.HasErrors) return r.Refusal();
        if (MayOperate(caller) is { } no) return no;
        var ask = new ExchangeRequest("restrict_subject", caller.SubjectId, instrument, null, [participant, reason]);
        return await SubmitAsync(exchange, op, ask, c => OnTradingAccount(c, participant, p => new RestrictSubject(p, reason), instrument),
            opensOrder: false, ct);
    }

    public async Task<Outcome<ExchangeDone>> LiftAsync(Caller caller, Instrument instrument, long participant, OperationOnlyRequest request,
        CancellationToken ct = default)
    {
        var r = new Fields();
        var op = r.OperationId(request.OperationId);
        if (r.HasErrors) return r.Refusal();
        if (MayOperate(caller) is { } no) return no;
        var ask = new ExchangeRequest("lift_restriction", caller.SubjectId, instrument, null, [participant]);
        return await SubmitAsync(exchange, op, ask, c => OnTradingAccount(c, participant, p => new LiftSubjectRestriction(p), instrument),
            opensOrder: false, ct);
    }

    private static ExchangeStep OnTradingAccount(ExchangeContext c, long participant, Func<ParticipantId, MarketCommand> command, Instrument instrument)
    {
        var id = new ParticipantId(participant);
        return LedgerBridge.TradingAccount(c.Ledger, id) is null
            ? ExchangeStep.Refuse(VenueStatus.NoTradingAccount)
            : ExchangeStep.Run(new ToMarket(instrument, command(id)));
    }
}
