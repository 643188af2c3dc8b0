using OpenCcer.Core.Primitives;

namespace OpenCcer.Core.Exchange;

/// <summary>One settled trade as one participant sees it.</summary>
public sealed record SettlementLine(
    Registry.Instrument Instrument, TradeId Trade, TradeMethod Method, Side Side, ParticipantId Counterparty, PricePerTonne Price,
    Tonnes Quantity, Money Turnover, Money Fee, Money CashChange);

/// <summary>
/// A participant's settlement report for one trading day (T 27-29): every trade it settled, tonnes
/// bought and sold, money paid and received, fees, and the net change of its cash (received − paid − fees).
/// </summary>
public sealed record SettlementReport(
    ParticipantId Participant, DateOnly Date, IReadOnlyList<SettlementLine> Lines, Tonnes Bought, Tonnes Sold, Money Paid,
    Money Received, Money Fees, Money NetCash)
{
    /// <summary>The report of <paramref name="participant"/> over the trades settled for <paramref name="date"/>, in trade order.</summary>
    public static SettlementReport For(ParticipantId participant, DateOnly date, IEnumerable<Trade> settled)
    {
        var lines = new List<SettlementLine>();
        Tonnes bought = Tonnes.Zero, sold = Tonnes.Zero;
        Money paid = Money.Zero, received = Money.Zero, fees = Money.Zero;
        foreach (var t in settled)
        {
            if (t.BuyerId == participant)
            {
                bought += t.Quantity;
                paid += t.Turnover;
                fees += t.BuyerFee;
                lines.Add(new SettlementLine(t.Instrument, t.Id, t.Method, Side.Buy, t.SellerId, t.Price, t.Quantity, t.Turnover, t.BuyerFee,
                    Money.Zero - t.Turnover - t.BuyerFee));
            }

            if (t.SellerId == participant)
            {
                sold += t.Quantity;
                received += t.Turnover;
                fees += t.SellerFee;
                lines.Add(new SettlementLine(t.Instrument, t.Id, t.Method, Side.Sell, t.BuyerId, t.Price, t.Quantity, t.Turnover, t.SellerFee,
                    t.Turnover - t.SellerFee));
            }
        }

        return new SettlementReport(participant, date, lines, bought, sold, paid, received, fees, received - paid - fees);
    }
}
