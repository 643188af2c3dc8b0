using System.Collections.Immutable;
using OpenCcer.Core.Primitives;

namespace OpenCcer.Core.Calendar;

/// <summary>
/// Working days of the PRC statutory calendar: Monday to Friday, minus public holidays, plus the
/// make-up working weekends (调休) of the State Council's yearly notice. Immutable; loading a year
/// returns a new calendar.
/// <para>
/// Invariant: a question about a date in a year without a loaded file is never answered by a guess.
/// The throwing methods raise <see cref="CalendarYearUnknownException"/>; the <c>Try</c> methods return
/// <see langword="false"/>. Only the days a method actually has to examine need a loaded year.
/// </para>
/// </summary>
public sealed class WorkingDayCalendar
{
    private const string ShippedPrefix = "calendar/prc-";

    private readonly ImmutableSortedDictionary<int, CalendarYear> _years;

    private WorkingDayCalendar(ImmutableSortedDictionary<int, CalendarYear> years)
    {
        _years = years;
    }

    /// <summary>A calendar that knows no year; every question about a date is unanswerable.</summary>
    public static WorkingDayCalendar Empty { get; } = new(ImmutableSortedDictionary<int, CalendarYear>.Empty);

    /// <summary>The years loaded, ascending.</summary>
    public IReadOnlyList<int> Years => _years.Keys.ToArray();

    /// <summary>The calendar of every year shipped with this build (<c>reference/calendar/prc-YYYY.csv</c>).</summary>
    /// <exception cref="InvalidDataException">A shipped file is malformed: a defect of the build, not of input.</exception>
    public static WorkingDayCalendar Shipped()
    {
        var calendar = Empty;
        foreach (var name in ReferenceData.Names().Where(n => n.StartsWith(ShippedPrefix, StringComparison.Ordinal)))
        {
            var result = calendar.WithYear(ReferenceData.Read(name));
            if (result.Status != CalendarLoadStatus.Ok)
            {
                throw new InvalidDataException($"Shipped calendar '{name}' refused: {result.Status} {result.Error}");
            }

            if (name != $"{ShippedPrefix}{result.Year}.csv")
            {
                throw new InvalidDataException($"Shipped calendar '{name}' holds the year {result.Year}.");
            }

            calendar = result.Calendar;
        }

        return calendar;
    }

    /// <summary>
    /// Returns a calendar with one more year, read from a file in the <c>date,kind,name</c> format.
    /// Loading a year again with the same days is <see cref="CalendarLoadStatus.Ok"/> and changes nothing;
    /// with different days it is refused, so a published calendar never shifts under running deadlines.
    /// </summary>
    public CalendarLoadResult WithYear(string csvText)
    {
        var (year, error) = CalendarYear.Parse(csvText);
        if (year is null)
        {
            return new CalendarLoadResult(CalendarLoadStatus.Malformed, this, null, error);
        }

        if (_years.TryGetValue(year.Year, out var loaded))
        {
            return loaded.SameDaysAs(year)
                ? new CalendarLoadResult(CalendarLoadStatus.Ok, this, year.Year, null)
                : new CalendarLoadResult(CalendarLoadStatus.YearAlreadyLoadedWithDifferentContent, this, year.Year, null);
        }

        return new CalendarLoadResult(CalendarLoadStatus.Ok, new WorkingDayCalendar(_years.Add(year.Year, year)), year.Year, null);
    }

    /// <summary>Whether the year of <paramref name="date"/> is loaded.</summary>
    public bool Covers(DateOnly date) => _years.ContainsKey(date.Year);

    /// <summary>Whether <paramref name="date"/> is a working day.</summary>
    /// <exception cref="CalendarYearUnknownException">The date's year is not loaded.</exception>
    public bool IsWorkingDay(DateOnly date) =>
        TryIsWorkingDay(date, out var working) ? working : throw new CalendarYearUnknownException(date.Year);

    /// <summary>Whether <paramref name="date"/> is a working day; returns <see langword="false"/> when its year is not loaded.</summary>
    public bool TryIsWorkingDay(DateOnly date, out bool isWorkingDay)
    {
        if (_years.TryGetValue(date.Year, out var year))
        {
            isWorkingDay = year.IsWorkingDay(date);
            return true;
        }

        isWorkingDay = false;
        return false;
    }

    /// <summary>
    /// The <paramref name="workingDays"/>-th working day strictly after <paramref name="date"/>:
    /// <paramref name="date"/> itself is never counted, and need not be a working day. Zero returns
    /// <paramref name="date"/>. Exactly <c>WorkingDaysBetween(date, result) == workingDays</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workingDays"/> is negative.</exception>
    /// <exception cref="CalendarYearUnknownException">A day to examine lies in a year not loaded.</exception>
    public DateOnly AddWorkingDays(DateOnly date, int workingDays) =>
        OrThrow(TryAddWorkingDays(date, workingDays, out var result, out var unknownYear), result, unknownYear);

    /// <inheritdoc cref="AddWorkingDays"/>
    public bool TryAddWorkingDays(DateOnly date, int workingDays, out DateOnly result, out int unknownYear)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        return TryWalk(date, (_, counted) => counted == workingDays, out result, out _, out unknownYear);
    }

    /// <summary>
    /// The number of working days d with <paramref name="from"/> &lt; d &lt;= <paramref name="to"/>:
    /// start exclusive, end inclusive. Negative (the same count, negated) when <paramref name="to"/>
    /// is before <paramref name="from"/>; zero when they are equal.
    /// </summary>
    /// <exception cref="CalendarYearUnknownException">A day in the interval lies in a year not loaded.</exception>
    public int WorkingDaysBetween(DateOnly from, DateOnly to) =>
        OrThrow(TryWorkingDaysBetween(from, to, out var count, out var unknownYear), count, unknownYear);

    /// <inheritdoc cref="WorkingDaysBetween"/>
    public bool TryWorkingDaysBetween(DateOnly from, DateOnly to, out int count, out int unknownYear)
    {
        var (low, high, sign) = from <= to ? (from, to, 1) : (to, from, -1);
        var known = TryWalk(low, (day, _) => day == high, out _, out var counted, out unknownYear);
        count = known ? counted * sign : 0;
        return known;
    }

    /// <summary>
    /// The last day (inclusive) of a notice of <paramref name="workingDays"/> working days that starts on
    /// <paramref name="start"/>. A start on a working day counts as the first working day (domain rule:
    /// a 20-working-day notice starting on a working day ends on the 20th working day counting the start
    /// day). A start on a holiday or weekend does not count: the notice then runs for the full number of
    /// working days from the next working day, so a notice is never shorter than the rule.
    /// Equivalently: the <paramref name="workingDays"/>-th working day on or after <paramref name="start"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workingDays"/> is less than 1.</exception>
    /// <exception cref="CalendarYearUnknownException">A day of the notice lies in a year not loaded.</exception>
    public DateOnly NoticeEnd(DateOnly start, int workingDays) =>
        OrThrow(TryNoticeEnd(start, workingDays, out var end, out var unknownYear), end, unknownYear);

    /// <inheritdoc cref="NoticeEnd"/>
    public bool TryNoticeEnd(DateOnly start, int workingDays, out DateOnly end, out int unknownYear)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingDays, 1);

        // Counting strictly after the day before the start counts the start itself exactly when it is a working day.
        return TryAddWorkingDays(start.AddDays(-1), workingDays, out end, out unknownYear);
    }

    // What the throwing forms return: the value when every year needed was loaded.
    private static T OrThrow<T>(bool known, T value, int unknownYear) =>
        known ? value : throw new CalendarYearUnknownException(unknownYear);

    /// <summary>
    /// Walks the days after <paramref name="from"/> one at a time, counting working days, until
    /// <paramref name="done"/> holds for the day reached and the count so far (checked before the first
    /// step too). Fails at the first day whose year is not loaded; <paramref name="day"/> is then that day.
    /// </summary>
    private bool TryWalk(DateOnly from, Func<DateOnly, int, bool> done, out DateOnly day, out int workingDays, out int unknownYear)
    {
        day = from;
        workingDays = 0;
        unknownYear = 0;
        while (!done(day, workingDays))
        {
            day = day.AddDays(1);
            if (!TryIsWorkingDay(day, out var working))
            {
                unknownYear = day.Year;
                return false;
            }

            if (working)
            {
                workingDays++;
            }
        }

        return true;
    }
}
