using System.Collections.Frozen;
using System.Globalization;

namespace OpenCcer.Core.Calendar;

/// <summary>
/// One year of the PRC statutory calendar: the dates that differ from "Monday to Friday are working
/// days". Invariants: every date lies in <see cref="Year"/>; a date is a holiday or a make-up working day,
/// never both; a make-up working day is a Saturday or Sunday.
/// </summary>
internal sealed class CalendarYear
{
    private const string Header = "date,kind,name";
    private const int LineLengthMax = 200;
    private const int RowsMax = 366;

    private CalendarYear(int year, FrozenSet<DateOnly> holidays, FrozenSet<DateOnly> workdays)
    {
        Year = year;
        Holidays = holidays;
        Workdays = workdays;
    }

    public int Year { get; }

    /// <summary>Days off, whatever their weekday.</summary>
    public FrozenSet<DateOnly> Holidays { get; }

    /// <summary>Weekend days that are working days (调休 make-up days).</summary>
    public FrozenSet<DateOnly> Workdays { get; }

    public bool IsWorkingDay(DateOnly date)
    {
        if (date.Year != Year)
        {
            throw new InvalidOperationException($"{date:yyyy-MM-dd} asked of the {Year} calendar.");
        }

        if (Workdays.Contains(date))
        {
            return true;
        }

        return !Holidays.Contains(date) && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>Same year with the same holidays and make-up days (names are commentary and do not count).</summary>
    public bool SameDaysAs(CalendarYear other) =>
        Year == other.Year && Holidays.SetEquals(other.Holidays) && Workdays.SetEquals(other.Workdays);

    /// <summary>
    /// Parses a file in the format <c>date,kind,name</c> (header required; <c>kind</c> is <c>holiday</c>
    /// or <c>workday</c>; ISO dates; blank lines ignored). Returns the year or the first error.
    /// </summary>
    public static (CalendarYear? Year, CalendarParseError? Error) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd('\r').Trim() != Header)
        {
            return (null, new CalendarParseError(1, $"the first line must be the header '{Header}'"));
        }

        var holidays = new HashSet<DateOnly>();
        var workdays = new HashSet<DateOnly>();
        int? year = null;
        for (var i = 1; i < lines.Length; i++)
        {
            var lineNumber = i + 1;
            var line = lines[i].TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                continue;
            }

            if (line.Length > LineLengthMax)
            {
                return (null, new CalendarParseError(lineNumber, $"line longer than {LineLengthMax} characters"));
            }

            // The name is free text and may itself contain commas, so split into three at most.
            var fields = line.Split(',', 3);
            if (fields.Length < 2)
            {
                return (null, new CalendarParseError(lineNumber, "expected 'date,kind,name'"));
            }

            if (!DateOnly.TryParseExact(fields[0].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return (null, new CalendarParseError(lineNumber, $"'{fields[0].Trim()}' is not a date in the form yyyy-MM-dd"));
            }

            year ??= date.Year;
            if (date.Year != year)
            {
                return (null, new CalendarParseError(lineNumber, $"{date:yyyy-MM-dd} is not in {year}; a file holds one year"));
            }

            if (holidays.Contains(date) || workdays.Contains(date))
            {
                return (null, new CalendarParseError(lineNumber, $"{date:yyyy-MM-dd} appears twice"));
            }

            switch (fields[1].Trim())
            {
                case "holiday":
                    holidays.Add(date);
                    break;
                case "workday":
                    if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                    {
                        return (null, new CalendarParseError(lineNumber, $"{date:yyyy-MM-dd} is a {date.DayOfWeek}, already a working day; a make-up working day is a weekend day"));
                    }

                    workdays.Add(date);
                    break;
                default:
                    return (null, new CalendarParseError(lineNumber, $"kind '{fields[1].Trim()}' is neither 'holiday' nor 'workday'"));
            }

            if (holidays.Count + workdays.Count > RowsMax)
            {
                return (null, new CalendarParseError(lineNumber, $"more than {RowsMax} rows"));
            }
        }

        if (year is null)
        {
            // Every PRC year has holidays, and without a row the file cannot say which year it is.
            return (null, new CalendarParseError(lines.Length, "the file has no rows"));
        }

        return (new CalendarYear(year.Value, holidays.ToFrozenSet(), workdays.ToFrozenSet()), null);
    }
}
