using OpenCcer.Core.Primitives;

namespace OpenCcer.Core.Exchange;

/// <summary>
/// What an open listing, proposal or bid holds back (T 18). <see cref="Quantity"/> always equals the
/// open quantity of its order. A sell reserves <see cref="Units"/> = quantity; a buy reserves
/// <see cref="Funds"/> = quantity × <see cref="FundsPerTonne"/> (price plus the fee of a tonne rounded
/// up, see <see cref="FeeSchedule.ReservedFundsPerTonne"/>).
/// </summary>
public readonly record struct Reservation(OrderId Order, ParticipantId Participant, Side Side, Tonnes Quantity, Money FundsPerTonne)
{
    public Tonnes Units => Side == Side.Sell ? Quantity : Tonnes.Zero;

    public Money Funds => Side == Side.Buy ? new Money(checked(FundsPerTonne.Fen * Quantity.Value)) : Money.Zero;
}
