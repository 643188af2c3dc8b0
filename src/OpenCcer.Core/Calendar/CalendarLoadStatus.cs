namespace OpenCcer.Core.Calendar;

/// <summary>Outcome of loading one year's calendar file. Values are stable: append, never renumber.</summary>
public enum CalendarLoadStatus
{
    /// <summary>The year is now loaded (or was already loaded with exactly the same days).</summary>
    Ok = 0,

    /// <summary>The file does not follow the format; see the parse error for the line.</summary>
    Malformed = 1,

    /// <summary>The year is already loaded with different days; a loaded year is never silently replaced.</summary>
    YearAlreadyLoadedWithDifferentContent = 2,
}
