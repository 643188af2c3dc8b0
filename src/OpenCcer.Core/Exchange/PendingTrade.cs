using OpenCcer.Core.Primitives;
namespace OpenCcer.Core.Exchange;

/// <summary>
/// A trade awaiting settlement: the seller's units wait in the hold <see cref="SellerUnits"/> and the
/// buyer's turnover and fee in the cash hold <see cref="BuyerFunds"/>.
/// </summary>
public sealed record PendingTrade(Trade Trade, string SellerUnits, string BuyerFunds)
{
    public DateOnly Date => ChinaClock.DateOf(Trade.At);
}
