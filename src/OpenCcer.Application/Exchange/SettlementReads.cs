using System.Globalization;
using OpenCcer.Core.Exchange;
using OpenCcer.Core.Primitives;
using OpenCcer.Core.Registry;
using OpenCcer.Storage;
using OpenCcer.Storage.Exchange;

namespace OpenCcer.Application.Exchange;

/// <summary>
/// Settlement reports of a trading day: an account holder reads its own; the exchange operator and the
/// regulator name a participant or read every settled participant's.
/// </summary>
public sealed class SettlementReads(LedgerStore store)
{
    public async Task<Outcome<IReadOnlyList<SettlementReport>>> ReportAsync(Caller caller, DateOnly date, long? participantId,
        CancellationToken ct = default)
    {
        var text = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        List<long> participants;
        if (Participants.ReadsEveryone(caller))
        {
            participants = participantId is { } named ? [named] : await store.Exchange.SettledParticipantsAsync(text, ct);
        }
        else
        {
            if (!caller.HoldsAccounts) return Refusals.Forbidden("Settlement reports are for account holders, the exchange and the regulator.");
            var own = await Participants.OwnAsync(store, caller, participantId, "report", ct);
            if (!own.IsOk) return own.Refusal!;
            participants = [own.Value];
        }
        var reports = new List<SettlementReport>();
        foreach (var p in participants)
        {
            var trades = (await store.Exchange.SettledTradesAsync(p, text, ct)).Select(TradeOf);
            reports.Add(SettlementReport.For(new ParticipantId(p), date, trades));
        }
        return Outcome<IReadOnlyList<SettlementReport>>.Ok(reports);
    }

    private static Trade TradeOf(TradeRow t) => new(new TradeId(t.TradeId), new Instrument(t.ProjectCode, t.Vintage), new ParticipantId(t.BuyerId),
        new ParticipantId(t.SellerId), new PricePerTonne(t.PriceFen), new Tonnes(t.Quantity),
        DateTimeOffset.Parse(t.At, CultureInfo.InvariantCulture), Enum.Parse<TradeMethod>(t.Method.Replace("_", "", StringComparison.Ordinal), ignoreCase: true),
        new Money(t.BuyerFeeFen), new Money(t.SellerFeeFen));
}
