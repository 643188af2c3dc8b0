namespace OpenCcer.Core.Exchange;

/// <summary>Where an instant falls in the trading timetable (T 21-22). Stable values.</summary>
public enum SessionStatus
{
    /// <summary>Inside a continuous session: listings may be posted and taken.</summary>
    Open = 0,

    /// <summary>A weekend, a public holiday, or a make-up working weekend (调休): no trading at all.</summary>
    NotTradingDay = 1,

    /// <summary>A trading day, before the first session opens.</summary>
    BeforeOpen = 2,

    /// <summary>A trading day, between two sessions (the midday break).</summary>
    Break = 3,

    /// <summary>A trading day, at or after the close of the last session.</summary>
    AfterClose = 4,

    /// <summary>The trading calendar does not know the year: the answer is not guessed.</summary>
    CalendarUnknown = 5,
}
