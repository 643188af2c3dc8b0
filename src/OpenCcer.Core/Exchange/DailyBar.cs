using OpenCcer.Core.Primitives;

namespace OpenCcer.Core.Exchange;

/// <summary>
/// One trading day of one instrument (T 33). <see cref="Open"/>, <see cref="High"/>, <see cref="Low"/>
/// and <see cref="Close"/> are over listed-agreement trades, the only continuously priced method (null
/// when there was none); <see cref="Volume"/> and <see cref="Turnover"/> are over every method;
/// <see cref="ListedVolume"/> and <see cref="ListedTurnover"/> feed the base price (T 17).
/// </summary>
public sealed record DailyBar(
    DateOnly Date,
    PricePerTonne? Open,
    PricePerTonne? High,
    PricePerTonne? Low,
    PricePerTonne? Close,
    Tonnes Volume,
    Money Turnover,
    Tonnes ListedVolume,
    Money ListedTurnover)
{
    public static DailyBar Empty(DateOnly date) => new(date, null, null, null, null, Tonnes.Zero, Money.Zero, Tonnes.Zero, Money.Zero);

    /// <summary>The bar with one more trade.</summary>
    public DailyBar With(Trade trade)
    {
        var bar = this with { Volume = Volume + trade.Quantity, Turnover = Turnover + trade.Turnover };
        if (trade.Method != TradeMethod.ListedAgreement)
        {
            return bar;
        }

        var price = trade.Price;
        return bar with
        {
            Open = Open ?? price,
            High = High is { } high && high >= price ? high : price,
            Low = Low is { } low && low <= price ? low : price,
            Close = price,
            ListedVolume = ListedVolume + trade.Quantity,
            ListedTurnover = ListedTurnover + trade.Turnover,
        };
    }

    /// <summary>
    /// Volume-weighted average price of the day's listed-agreement trades, rounded half-up to the fen:
    /// <c>(2 × turnover + volume) / (2 × volume)</c> in integers; null when there was none.
    /// </summary>
    public PricePerTonne? ListedVwap =>
        ListedVolume.IsPositive
            ? new PricePerTonne(checked((2 * ListedTurnover.Fen) + ListedVolume.Value) / (2 * ListedVolume.Value))
            : null;

    /// <summary>The base price of the next trading day (T 17): the listed VWAP, or <paramref name="current"/> carried forward.</summary>
    public PricePerTonne NextBasePrice(PricePerTonne current) => ListedVwap ?? current;
}
