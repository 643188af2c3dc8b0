using OpenCcer.Core.Calendar;
using OpenCcer.Core.Primitives;

namespace OpenCcer.Core.Tests.Calendar;

public sealed class CalendarFileTests
{
    private const string Year2027 = """
        date,kind,name
        2027-01-01,holiday,New Year
        2027-02-06,holiday,Spring Festival
        2027-02-20,workday,Spring Festival make-up working day
        """;

    [Fact]
    public void an_operator_can_load_a_new_year()
    {
        var shipped = WorkingDayCalendar.Shipped();

        var result = shipped.WithYear(Year2027);

        Assert.Equal(CalendarLoadStatus.Ok, result.Status);
        Assert.Equal(2027, result.Year);
        Assert.Equal([2024, 2025, 2026, 2027], result.Calendar.Years);
        Assert.True(result.Calendar.IsWorkingDay(new DateOnly(2027, 2, 20)));
        Assert.False(result.Calendar.IsWorkingDay(new DateOnly(2027, 1, 1)));
        Assert.Equal([2024, 2025, 2026], shipped.Years);
    }

    [Fact]
    public void loading_a_year_again_with_the_same_days_changes_nothing()
    {
        var shipped = WorkingDayCalendar.Shipped();
        var again = ReferenceData.Read("calendar/prc-2026.csv").Replace("Spring Festival", "春节", StringComparison.Ordinal);

        var result = shipped.WithYear(again);

        Assert.Equal(CalendarLoadStatus.Ok, result.Status);
        Assert.Same(shipped, result.Calendar);
    }

    [Fact]
    public void loading_a_year_already_loaded_with_different_days_is_refused()
    {
        var shipped = WorkingDayCalendar.Shipped();
        var altered = ReferenceData.Read("calendar/prc-2026.csv").Replace("2026-02-28,workday", "2026-02-28,holiday", StringComparison.Ordinal);

        var result = shipped.WithYear(altered);

        Assert.Equal(CalendarLoadStatus.YearAlreadyLoadedWithDifferentContent, result.Status);
        Assert.Same(shipped, result.Calendar);
        Assert.True(shipped.IsWorkingDay(new DateOnly(2026, 2, 28)));
    }

    [Theory]
    [InlineData("day,kind,name\n2027-01-01,holiday,x", 1)]
    [InlineData("date,kind,name\n2027-01-01,holiday,x\n2027-13-01,holiday,x", 3)]
    [InlineData("date,kind,name\n2027-01-01,holiday,x\n2027-02-02,vacation,x", 3)]
    [InlineData("date,kind,name\n2027-01-01,holiday,x\n\n2028-01-01,holiday,x", 4)]
    [InlineData("date,kind,name\n2027-01-01,holiday,x\n2027-01-01,holiday,x", 3)]
    [InlineData("date,kind,name\n2027-01-04,workday,a Monday is already a working day", 2)]
    [InlineData("date,kind,name\n2027-01-01", 2)]
    [InlineData("date,kind,name\n", 2)]
    public void a_malformed_file_is_refused_with_the_line_number(string text, int line)
    {
        var result = WorkingDayCalendar.Empty.WithYear(text);

        Assert.Equal(CalendarLoadStatus.Malformed, result.Status);
        Assert.Equal(line, result.Error!.LineNumber);
        Assert.Same(WorkingDayCalendar.Empty, result.Calendar);
    }

    [Fact]
    public void windows_line_endings_and_commas_in_names_are_accepted()
    {
        var result = WorkingDayCalendar.Empty.WithYear("date,kind,name\r\n2027-01-01,holiday,New Year, observed\r\n");

        Assert.Equal(CalendarLoadStatus.Ok, result.Status);
        Assert.False(result.Calendar.IsWorkingDay(new DateOnly(2027, 1, 1)));
    }
}
