using OpenCcer.Core.Calendar;

namespace OpenCcer.Core.Tests.Calendar;

public sealed class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Prc = WorkingDayCalendar.Shipped();

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void shipped_calendar_knows_2024_to_2026()
    {
        Assert.Equal([2024, 2025, 2026], Prc.Years);
    }

    [Theory]
    [InlineData("2026-02-14", true)]  // Saturday, Spring Festival make-up working day
    [InlineData("2026-02-16", false)] // Monday inside the Spring Festival block
    [InlineData("2026-02-23", false)] // Monday, last day of the block
    [InlineData("2026-02-24", true)]  // Tuesday after the block
    [InlineData("2026-02-28", true)]  // Saturday make-up working day
    [InlineData("2026-03-01", false)] // ordinary Sunday
    [InlineData("2025-09-28", true)]  // Sunday make-up working day before National Day
    [InlineData("2025-10-08", false)] // Wednesday inside National Day and Mid-Autumn
    [InlineData("2025-10-11", true)]  // Saturday make-up working day
    [InlineData("2024-07-17", true)]  // ordinary Wednesday
    public void working_day_follows_the_statutory_calendar(string date, bool expected)
    {
        Assert.Equal(expected, Prc.IsWorkingDay(D(date)));
    }

    [Fact]
    public void notice_crossing_spring_festival_2026_ends_on_12_march()
    {
        // By hand from prc-2026.csv: 9-13 Feb (1-5), Sat 14 Feb make-up (6), 15-23 Feb off,
        // 24-27 Feb (7-10), Sat 28 Feb make-up (11), 2-6 Mar (12-16), 9-12 Mar (17-20).
        Assert.Equal(D("2026-03-12"), Prc.NoticeEnd(D("2026-02-09"), 20));
    }

    [Fact]
    public void notice_crossing_national_day_2025_ends_on_23_october()
    {
        // By hand from prc-2025.csv: 22-26 Sep (1-5), Sun 28 Sep make-up (6), 29-30 Sep (7-8),
        // 1-8 Oct off, 9-10 Oct (9-10), Sat 11 Oct make-up (11), 13-17 Oct (12-16), 20-23 Oct (17-20).
        Assert.Equal(D("2025-10-23"), Prc.NoticeEnd(D("2025-09-22"), 20));
    }

    [Fact]
    public void notice_crossing_spring_festival_2025_ends_on_20_february()
    {
        // 20-24 Jan (1-5), Sun 26 Jan make-up (6), Mon 27 Jan (7), 28 Jan-4 Feb off, 5-7 Feb (8-10),
        // Sat 8 Feb make-up (11), 10-14 Feb (12-16), 17-20 Feb (17-20).
        Assert.Equal(D("2025-02-20"), Prc.NoticeEnd(D("2025-01-20"), 20));
    }

    [Fact]
    public void hubei_wufeng_afforestation_notice_of_17_july_2026_ends_on_13_august_as_published()
    {
        // The published notice ran 2026-07-17 to 2026-08-13: no holiday in between, Friday 17 July is
        // day 1 and Thursday 13 August is day 20, so the published dates match the 20-working-day rule.
        var end = Prc.NoticeEnd(D("2026-07-17"), 20);

        Assert.Equal(D("2026-08-13"), end);
        Assert.Equal(20, Prc.WorkingDaysBetween(D("2026-07-16"), end));
    }

    [Fact]
    public void notice_starting_on_a_holiday_counts_from_the_next_working_day()
    {
        // 1-8 Oct 2025 are off: 9, 10, Sat 11 Oct (1-3), 13-17 (4-8), 20-24 (9-13), 27-31 (14-18), 3-4 Nov (19-20).
        Assert.Equal(D("2025-11-04"), Prc.NoticeEnd(D("2025-10-01"), 20));
        Assert.Equal(Prc.NoticeEnd(D("2025-10-09"), 20), Prc.NoticeEnd(D("2025-10-01"), 20));
    }

    [Fact]
    public void notice_of_one_working_day_starting_on_a_working_day_ends_that_day()
    {
        Assert.Equal(D("2026-02-14"), Prc.NoticeEnd(D("2026-02-14"), 1));
    }

    [Fact]
    public void notice_starting_on_new_years_day_needs_no_calendar_for_the_year_before()
    {
        // 2024-01-01 is a holiday; the day before it is in 2023, which is not loaded and is never examined.
        Assert.Equal(D("2024-01-02"), Prc.NoticeEnd(D("2024-01-01"), 1));
    }

    [Fact]
    public void adding_working_days_skips_the_start_day_and_holidays()
    {
        Assert.Equal(D("2026-02-24"), Prc.AddWorkingDays(D("2026-02-14"), 1));
        Assert.Equal(D("2026-02-14"), Prc.AddWorkingDays(D("2026-02-14"), 0));
        Assert.Equal(D("2026-02-14"), Prc.AddWorkingDays(D("2026-02-13"), 1));
    }

    [Fact]
    public void working_days_between_excludes_the_start_and_includes_the_end()
    {
        Assert.Equal(1, Prc.WorkingDaysBetween(D("2026-02-13"), D("2026-02-14")));
        Assert.Equal(0, Prc.WorkingDaysBetween(D("2026-02-14"), D("2026-02-23")));
        Assert.Equal(0, Prc.WorkingDaysBetween(D("2026-02-14"), D("2026-02-14")));
        Assert.Equal(-1, Prc.WorkingDaysBetween(D("2026-02-14"), D("2026-02-13")));
    }

    [Fact]
    public void a_notice_running_into_an_unknown_year_is_an_error_naming_the_year()
    {
        var error = Assert.Throws<CalendarYearUnknownException>(() => Prc.NoticeEnd(D("2026-12-15"), 20));

        Assert.Equal(2027, error.Year);
        Assert.False(Prc.TryNoticeEnd(D("2026-12-15"), 20, out _, out var unknownYear));
        Assert.Equal(2027, unknownYear);
    }

    [Fact]
    public void a_date_in_an_unknown_year_is_never_guessed()
    {
        Assert.Throws<CalendarYearUnknownException>(() => Prc.IsWorkingDay(D("2023-06-01")));
        Assert.Throws<CalendarYearUnknownException>(() => Prc.WorkingDaysBetween(D("2026-12-30"), D("2027-01-05")));
        Assert.Throws<CalendarYearUnknownException>(() => Prc.AddWorkingDays(D("2022-01-01"), 1));
        Assert.False(Prc.Covers(D("2027-01-01")));
    }

    [Fact]
    public void negative_working_days_are_a_programming_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Prc.AddWorkingDays(D("2026-01-05"), -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Prc.NoticeEnd(D("2026-01-05"), 0));
    }
}
