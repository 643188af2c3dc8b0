using OpenCcer.Core.Primitives;

namespace OpenCcer.Core.Exchange;

/// <summary>The stateless checks shared by every book, in the order commands apply them.</summary>
internal static class ListingChecks
{
    public static ExchangeStatus Session(SessionStatus status) => status switch
    {
        SessionStatus.Open => ExchangeStatus.Ok,
        SessionStatus.CalendarUnknown => ExchangeStatus.TradingCalendarUnknown,
        _ => ExchangeStatus.OutsideSession,
    };

    /// <summary>Positive, a multiple of the tick, inside the band (edges included).</summary>
    public static ExchangeStatus Price(PricePerTonne price, PriceBand band, long tickFen)
    {
        if (!price.IsPositive)
        {
            return ExchangeStatus.PriceNotPositive;
        }

        if (price.Fen % tickFen != 0)
        {
            return ExchangeStatus.PriceTickInvalid;
        }

        return band.Contains(price) ? ExchangeStatus.Ok : ExchangeStatus.PriceOutsideLimit;
    }

    /// <summary>Positive, a multiple of the quantity tick, at most the maximum.</summary>
    public static ExchangeStatus Quantity(Tonnes quantity, ListingRules rules) =>
        quantity.IsPositive && quantity.Value % rules.QuantityTickTonnes == 0 && quantity.Value <= rules.QuantityMaxTonnes
            ? ExchangeStatus.Ok
            : ExchangeStatus.QuantityInvalid;

    public static bool SideValid(Side side) => side is Side.Buy or Side.Sell;

    /// <summary>Whether the participant can cover an order of <paramref name="quantity"/> on <paramref name="side"/>.</summary>
    public static ExchangeStatus Cover(Side side, Tonnes quantity, Money fundsPerTonne, ParticipantPosition position)
    {
        if (side == Side.Sell)
        {
            return quantity <= position.AvailableUnits ? ExchangeStatus.Ok : ExchangeStatus.InsufficientUnits;
        }

        return new Money(checked(fundsPerTonne.Fen * quantity.Value)) <= position.AvailableFunds
            ? ExchangeStatus.Ok
            : ExchangeStatus.InsufficientFunds;
    }
}
