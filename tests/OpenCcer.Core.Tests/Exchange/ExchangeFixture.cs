using System.Globalization;
using OpenCcer.Core.Calendar;
using OpenCcer.Core.Exchange;
using OpenCcer.Core.Primitives;
using OpenCcer.Core.Registry;

namespace OpenCcer.Core.Tests.Exchange;

internal static class ExchangeFixture
{
    public static readonly WorkingDayCalendar PrcCalendar = WorkingDayCalendar.Shipped();
    public static readonly MarketClock Clock = MarketClock.Standard(PrcCalendar);
    public static readonly Instrument Instrument = new("CCER-14-001-0001", 2024);

    /// <summary>50.00 CNY/t: band 45.00-55.00.</summary>
    public static readonly PricePerTonne BasePrice = new(5_000);

    public static readonly ParticipantId Alice = new(1);
    public static readonly ParticipantId Bob = new(2);
    public static readonly ParticipantId Carol = new(3);

    /// <summary>Tuesday 4 March 2025, an ordinary trading day.</summary>
    public static readonly DateOnly Day = new(2025, 3, 4);

    public static DateTimeOffset At(int hour, int minute, int second = 0) => At(Day, hour, minute, second);

    public static DateTimeOffset At(DateOnly date, int hour, int minute, int second = 0) =>
        new(date.ToDateTime(new TimeOnly(hour, minute, second)), ChinaClock.Offset);

    public static DateTimeOffset At(string isoLocal) =>
        new(DateTime.Parse(isoLocal, CultureInfo.InvariantCulture), ChinaClock.Offset);

    public static Tonnes T(long tonnes) => new(tonnes);

    public static PricePerTonne P(long fen) => new(fen);

    public static IListedBook NewBook(string kind, ListingRules? rules = null, FeeSchedule? fees = null, PricePerTonne? basePrice = null) =>
        kind switch
        {
            "optimized" => new ListedAgreementBook(Instrument, basePrice ?? BasePrice, Clock, rules, fees),
            "naive" => new NaiveListedBook(Instrument, basePrice ?? BasePrice, Clock, rules, fees),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

    public static TheoryData<string> Books => new() { "optimized", "naive" };
}
