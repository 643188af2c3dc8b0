using CsCheck;
using OpenCcer.Core.Calendar;

namespace OpenCcer.Core.Tests.Calendar;

public sealed class WorkingDayCalendarPropertyTests
{
    private static readonly WorkingDayCalendar Prc = WorkingDayCalendar.Shipped();
    private static readonly DateOnly First = new(2024, 1, 1);

    [Fact]
    public void adding_n_working_days_then_counting_between_gives_n_back()
    {
        Gen.Select(Gen.Int[0, 1095], Gen.Int[0, 400]).Sample(t =>
        {
            var (offset, n) = t;
            var start = First.AddDays(offset);
            if (!Prc.TryAddWorkingDays(start, n, out var end, out _))
            {
                return; // ran past 2026: covered by the unknown-year tests
            }

            Assert.Equal(n, Prc.WorkingDaysBetween(start, end));
            Assert.Equal(-n, Prc.WorkingDaysBetween(end, start));
            Assert.True(n == 0 || Prc.IsWorkingDay(end));
        });
    }

    [Fact]
    public void a_notice_holds_exactly_its_working_days_and_ends_on_one()
    {
        Gen.Select(Gen.Int[0, 1095], Gen.Int[1, 60]).Sample(t =>
        {
            var (offset, n) = t;
            var start = First.AddDays(offset);
            if (!Prc.TryNoticeEnd(start, n, out var end, out _))
            {
                return;
            }

            Assert.True(Prc.IsWorkingDay(end));
            Assert.True(end >= start);
            Assert.Equal(n, Prc.WorkingDaysBetween(start.AddDays(-1), end));
        });
    }
}
