namespace OpenCcer.Core.Calendar;

/// <summary>
/// Result of <see cref="WorkingDayCalendar.WithYear"/>. <see cref="Calendar"/> is the new calendar when
/// <see cref="Status"/> is <see cref="CalendarLoadStatus.Ok"/>, otherwise the unchanged original.
/// <see cref="Error"/> is set only for <see cref="CalendarLoadStatus.Malformed"/>.
/// </summary>
public sealed record CalendarLoadResult(CalendarLoadStatus Status, WorkingDayCalendar Calendar, int? Year, CalendarParseError? Error);
