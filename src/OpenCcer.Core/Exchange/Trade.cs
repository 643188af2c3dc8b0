using OpenCcer.Core.Primitives;
using OpenCcer.Core.Registry;

namespace OpenCcer.Core.Exchange;

/// <summary>
/// One trade, to be settled after the close by delivery versus payment (T 27-29). The buyer pays
/// <see cref="Turnover"/> + <see cref="BuyerFee"/>; the seller receives <see cref="Turnover"/> −
/// <see cref="SellerFee"/>. Fees are computed per trade (<see cref="FeeSchedule"/>).
/// </summary>
public sealed record Trade(
    TradeId Id,
    Instrument Instrument,
    ParticipantId BuyerId,
    ParticipantId SellerId,
    PricePerTonne Price,
    Tonnes Quantity,
    DateTimeOffset At,
    TradeMethod Method,
    Money BuyerFee,
    Money SellerFee)
{
    /// <summary>Price × quantity, exact.</summary>
    public Money Turnover => Price.Times(Quantity);
}
