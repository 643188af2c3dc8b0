using System.Globalization;
using OpenCcer.Core.Exchange;
using OpenCcer.Core.Primitives;
using OpenCcer.Core.Registry;
using OpenCcer.Storage;
using OpenCcer.Storage.Exchange;

namespace OpenCcer.Server.Web;

/// <summary>Settlement reports from the stored settled trades, as the settlement report endpoint builds them.</summary>
public static class SettlementReports
{
    public static async Task<SettlementReport> ForAsync(LedgerStore store, long participant, string date, CancellationToken ct)
    {
        var trades = (await store.Exchange.SettledTradesAsync(participant, date, ct)).Select(TradeOf);
        return SettlementReport.For(new ParticipantId(participant), DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture), trades);
    }

    /// <summary>Every participant's report for one settlement date (the exchange operator's and the regulator's view).</summary>
    public static async Task<List<SettlementReport>> AllAsync(LedgerStore store, string date, CancellationToken ct)
    {
        var reports = new List<SettlementReport>();
        foreach (var p in await store.Exchange.SettledParticipantsAsync(date, ct)) reports.Add(await ForAsync(store, p, date, ct));
        return reports;
    }

    private static Trade TradeOf(TradeRow t) => new(new TradeId(t.TradeId), new Instrument(t.ProjectCode, t.Vintage), new ParticipantId(t.BuyerId),
        new ParticipantId(t.SellerId), new PricePerTonne(t.PriceFen), new Tonnes(t.Quantity),
        DateTimeOffset.Parse(t.At, CultureInfo.InvariantCulture), Enum.Parse<TradeMethod>(t.Method.Replace("_", "", StringComparison.Ordinal), ignoreCase: true),
        new Money(t.BuyerFeeFen), new Money(t.SellerFeeFen));

    /// <summary>A price or amount typed in yuan ("58.5", "1,000.00") as fen, or null when it is not one.</summary>
    public static long? Fen(string? yuan)
    {
        if (!decimal.TryParse(yuan, NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)) return null;
        var fen = value * 100m;
        return fen == decimal.Truncate(fen) && fen <= long.MaxValue ? (long)fen : null;
    }
}
