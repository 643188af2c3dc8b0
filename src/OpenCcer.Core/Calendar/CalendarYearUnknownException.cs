namespace OpenCcer.Core.Calendar;

/// <summary>
/// A date fell in a year for which no statutory calendar file is loaded. The calendar never guesses:
/// plain Monday-to-Friday would be wrong around every holiday and make-up working day. The operator
/// loads the year's file with <see cref="WorkingDayCalendar.WithYear"/> once the State Council publishes it.
/// </summary>
public sealed class CalendarYearUnknownException : Exception
{
    public CalendarYearUnknownException(int year)
        : base($"The working-day calendar for {year} is not loaded; load the PRC statutory calendar file for {year}.")
    {
        Year = year;
    }

    /// <summary>The year that has no calendar file.</summary>
    public int Year { get; }
}
