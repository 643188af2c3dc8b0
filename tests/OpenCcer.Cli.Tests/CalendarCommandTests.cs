using OpenCcer.Cli;

namespace OpenCcer.Cli.Tests;

public sealed class CalendarCommandTests
{
    private readonly string store = $"Data Source={Path.Combine(Path.GetTempPath(), "openccer-tests", $"calendar-{Guid.NewGuid():N}.db")}";

    private async Task<(int Exit, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CcerCommand.RunAsync([.. args, "--store", store], output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task the_hubei_wufeng_notice_of_20_working_days_ends_on_2026_08_13()
    {
        var result = await Run("calendar", "add-days", "2026-07-17", "20");
        Assert.Equal(0, result.Exit);
        Assert.Contains("notice starting 2026-07-17 ends on 2026-08-13", result.Output);
    }

    [Theory]
    [InlineData("2026-02-14", "yes")] // Spring Festival make-up Saturday
    [InlineData("2026-02-16", "no")]  // Spring Festival holiday on a Monday
    [InlineData("2026-03-02", "yes")]
    public async Task is_working_day_follows_holidays_and_make_up_days(string date, string expected)
    {
        var result = await Run("calendar", "is-working-day", date);
        Assert.Equal(0, result.Exit);
        Assert.Equal(expected, result.Output.Trim());
    }

    [Fact]
    public async Task a_year_without_a_file_is_an_error_until_its_file_is_loaded()
    {
        var unknown = await Run("calendar", "add-days", "2027-03-01", "5");
        Assert.Equal(2, unknown.Exit);
        Assert.Contains("2027 is not loaded", unknown.Error);
        var file = Path.Combine(Path.GetTempPath(), "openccer-tests", $"prc-2027-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, "date,kind,name\n2027-01-01,holiday,New Year\n");
        Assert.Equal(0, (await Run("calendar", "load", file)).Exit);
        Assert.Contains("2027", (await Run("calendar", "years")).Output);
        var known = await Run("calendar", "add-days", "2027-03-01", "5");
        Assert.Equal(0, known.Exit);
        Assert.StartsWith("2027-03-08", known.Output);
        await File.WriteAllTextAsync(file, "date,kind,name\n2027-01-04,holiday,Changed\n");
        Assert.Equal(1, (await Run("calendar", "load", file)).Exit);
        await File.WriteAllTextAsync(file, "date,kind\nnot-a-date,holiday\n");
        var malformed = await Run("calendar", "load", file);
        Assert.Equal(2, malformed.Exit);
        Assert.Contains("line", malformed.Error);
    }

    [Fact]
    public async Task bad_dates_are_refused_with_2()
    {
        Assert.Equal(2, (await Run("calendar", "add-days", "17/07/2026", "20")).Exit);
        Assert.Equal(2, (await Run("calendar", "add-days", "2026-07-17", "0")).Exit);
    }
}
