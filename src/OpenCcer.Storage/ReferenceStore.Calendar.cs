using OpenCcer.Core.Calendar;
using OpenCcer.Storage.Journal;

namespace OpenCcer.Storage;

// Calendar years an operator loads after the shipped ones (the State Council publishes each year's
// holidays in the autumn before). Stored as their file text; checked by the calendar before storing.
public sealed partial class ReferenceStore
{
    /// <summary>
    /// Checks <paramref name="csv"/> against the shipped and stored years and stores it. Loading the same
    /// year again with the same days is accepted and changes nothing.
    /// </summary>
    public async Task<CalendarLoadResult> AddCalendarYearAsync(string csv, DateTimeOffset at, CancellationToken ct = default)
    {
        var result = (await CalendarAsync(ct)).WithYear(csv);
        if (result.Status != CalendarLoadStatus.Ok) return result;
        await using var connection = await OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO calendar_years (year, csv, added_at) VALUES (@y, @csv, @at) ON CONFLICT (year) DO NOTHING";
        Add(command, "@y", result.Year);
        Add(command, "@csv", csv);
        Add(command, "@at", EventJson.Timestamp(at));
        await command.ExecuteNonQueryAsync(ct);
        return result;
    }

    /// <summary>The shipped calendar plus every stored year.</summary>
    public async Task<WorkingDayCalendar> CalendarAsync(CancellationToken ct = default)
    {
        var calendar = WorkingDayCalendar.Shipped();
        foreach (var csv in await ReadAsync("SELECT csv FROM calendar_years ORDER BY year", r => r.GetString(0), ct))
        {
            var loaded = calendar.WithYear(csv);
            if (loaded.Status == CalendarLoadStatus.Ok) calendar = loaded.Calendar;
        }
        return calendar;
    }
}
