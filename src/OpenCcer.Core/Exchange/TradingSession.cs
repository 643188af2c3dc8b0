namespace OpenCcer.Core.Exchange;

/// <summary>
/// One continuous session of a trading day in China Standard Time: <see cref="Start"/> inclusive,
/// <see cref="End"/> exclusive (a command at exactly 11:30:00 is in the break).
/// </summary>
public readonly record struct TradingSession(TimeOnly Start, TimeOnly End)
{
    /// <summary>09:30-11:30 (T 21).</summary>
    public static readonly TradingSession Morning = new(new TimeOnly(9, 30), new TimeOnly(11, 30));

    /// <summary>13:00-15:00 (T 21); also the only session for bulk agreements.</summary>
    public static readonly TradingSession Afternoon = new(new TimeOnly(13, 0), new TimeOnly(15, 0));

    /// <summary>The whole day, for the always-open demo clock.</summary>
    public static readonly TradingSession WholeDay = new(TimeOnly.MinValue, TimeOnly.MaxValue);

    public bool Contains(TimeOnly time) => time >= Start && time < End;
}
