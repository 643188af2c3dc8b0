using OpenCcer.Core.Calendar;
using OpenCcer.Core.Primitives;

namespace OpenCcer.Core.Exchange;

/// <summary>
/// The trading timetable (T 21-22): which dates are trading days and which instants fall in a session,
/// in China Standard Time (UTC+08:00, no daylight saving, so a fixed offset and no time-zone database).
/// <para>
/// A trading day is a working day of the <see cref="WorkingDayCalendar"/> that is also Monday to
/// Friday. Make-up working weekends (调休) are working days for offices but not trading days: Chinese
/// exchanges stay closed on weekends, so they are excluded here on purpose.
/// </para>
/// <para>
/// Sessions are half-open <c>[start, end)</c>, ordered and disjoint; defaults 09:30-11:30 and
/// 13:00-15:00 (CONFIGURABLE). Bulk agreements have their own sessions, default the afternoon only.
/// </para>
/// <para>
/// <see cref="AlwaysOpenDemo"/> is for demonstrations and tests only: every date is a trading day,
/// every instant is in session for every method, and a trading day closes at midnight China Standard
/// Time. It must never run a real market.
/// </para>
/// The clock never reads the current time: every question names its instant.
/// </summary>
public sealed class MarketClock
{
    private const long KnownFlag = 2;
    private const long TradingFlag = 1;

    private readonly WorkingDayCalendar _calendar;
    private readonly TradingSession[] _sessions;
    private readonly TradingSession[] _bulkSessions;

    // Last date asked about: (day number << 2) | known | trading. One 64-bit field, so a torn read
    // is impossible even when markets on several threads share the clock.
    private long _lastDay = -1;

    public MarketClock(WorkingDayCalendar calendar, IReadOnlyList<TradingSession> sessions, IReadOnlyList<TradingSession> bulkSessions)
        : this(calendar, sessions, bulkSessions, alwaysOpen: false)
    {
    }

    private MarketClock(WorkingDayCalendar calendar, IReadOnlyList<TradingSession> sessions, IReadOnlyList<TradingSession> bulkSessions, bool alwaysOpen)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        _calendar = calendar;
        _sessions = CheckOrdered(sessions, nameof(sessions));
        _bulkSessions = CheckOrdered(bulkSessions, nameof(bulkSessions));
        AlwaysOpen = alwaysOpen;
    }

    /// <summary>The standard timetable: 09:30-11:30 and 13:00-15:00; bulk agreements 13:00-15:00.</summary>
    public static MarketClock Standard(WorkingDayCalendar calendar) =>
        new(calendar, [TradingSession.Morning, TradingSession.Afternoon], [TradingSession.Afternoon]);

    /// <summary>Demonstrations and tests only: always a trading day, always in session.</summary>
    public static MarketClock AlwaysOpenDemo() =>
        new(WorkingDayCalendar.Empty, [TradingSession.WholeDay], [TradingSession.WholeDay], alwaysOpen: true);

    public bool AlwaysOpen { get; }

    public IReadOnlyList<TradingSession> Sessions => _sessions;

    public IReadOnlyList<TradingSession> BulkSessions => _bulkSessions;

    /// <summary>Whether <paramref name="date"/> is a trading day; false with <paramref name="known"/> false when its year is not loaded.</summary>
    public bool TryIsTradingDay(DateOnly date, out bool known)
    {
        if (AlwaysOpen)
        {
            known = true;
            return true;
        }

        long day = date.DayNumber;
        var cached = Volatile.Read(ref _lastDay);
        if (cached >= 0 && cached >> 2 == day)
        {
            known = true;
            return (cached & TradingFlag) != 0;
        }

        if (!_calendar.TryIsWorkingDay(date, out var working))
        {
            known = false;
            return false;
        }

        var trading = working && date.DayOfWeek is not DayOfWeek.Saturday and not DayOfWeek.Sunday;
        Volatile.Write(ref _lastDay, (day << 2) | KnownFlag | (trading ? TradingFlag : 0));
        known = true;
        return trading;
    }

    /// <summary>Where <paramref name="at"/> falls in the continuous sessions.</summary>
    public SessionStatus StatusAt(DateTimeOffset at) => Status(at, _sessions);

    /// <summary>Where <paramref name="at"/> falls in the bulk-agreement sessions (default afternoon only).</summary>
    public SessionStatus BulkStatusAt(DateTimeOffset at) => Status(at, _bulkSessions);

    /// <summary>The instant a trading date closes: the end of its last session (midnight for the demo clock).</summary>
    public DateTimeOffset CloseOf(DateOnly date)
    {
        var local = AlwaysOpen
            ? date.AddDays(1).ToDateTime(TimeOnly.MinValue)
            : date.ToDateTime(_sessions[^1].End);
        return ChinaClock.At(local);
    }

    /// <summary>
    /// Whether fewer than <paramref name="tradingDays"/> trading days d with <paramref name="from"/> &lt; d
    /// &lt;= <paramref name="to"/> exist (start exclusive, end inclusive). Stops counting once the bound
    /// is reached, so an old <paramref name="from"/> costs little. A date in a year the calendar does not
    /// know is not counted, which can only make a waiting period longer, never shorter.
    /// </summary>
    public bool FewerTradingDaysThan(DateOnly from, DateOnly to, int tradingDays)
    {
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (TryIsTradingDay(day, out _))
            {
                count++;
                if (count >= tradingDays)
                {
                    return false;
                }
            }
        }

        return count < tradingDays;
    }

    private SessionStatus Status(DateTimeOffset at, TradingSession[] sessions)
    {
        if (AlwaysOpen)
        {
            return SessionStatus.Open;
        }

        var local = at.UtcDateTime + ChinaClock.Offset;
        if (!TryIsTradingDay(DateOnly.FromDateTime(local), out var known))
        {
            return known ? SessionStatus.NotTradingDay : SessionStatus.CalendarUnknown;
        }

        var time = TimeOnly.FromDateTime(local);
        if (time < sessions[0].Start)
        {
            return SessionStatus.BeforeOpen;
        }

        foreach (var session in sessions)
        {
            if (session.Contains(time))
            {
                return SessionStatus.Open;
            }
        }

        return time >= sessions[^1].End ? SessionStatus.AfterClose : SessionStatus.Break;
    }

    private static TradingSession[] CheckOrdered(IReadOnlyList<TradingSession> sessions, string name)
    {
        ArgumentNullException.ThrowIfNull(sessions, name);
        if (sessions.Count == 0)
        {
            throw new ArgumentException("At least one session is required.", name);
        }

        for (var i = 0; i < sessions.Count; i++)
        {
            if (sessions[i].End <= sessions[i].Start || (i > 0 && sessions[i].Start < sessions[i - 1].End))
            {
                throw new ArgumentException("Sessions must be non-empty, ordered and disjoint.", name);
            }
        }

        return [.. sessions];
    }
}
