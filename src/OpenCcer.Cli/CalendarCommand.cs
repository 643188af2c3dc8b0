using System.CommandLine;
using System.Globalization;
using OpenCcer.Core.Calendar;
using OpenCcer.Storage;

namespace OpenCcer.Cli;

/// <summary>
/// <c>ccer calendar</c>: PRC working-day arithmetic for notices and review deadlines, and loading a new
/// year's holiday file into the store.
/// </summary>
internal static class CalendarCommand
{
    public static Command Create()
    {
        var command = new Command("calendar", "PRC working days: add, count, check, load a new year.");
        command.Subcommands.Add(AddDays());
        command.Subcommands.Add(Between());
        command.Subcommands.Add(Check());
        command.Subcommands.Add(Load());
        command.Subcommands.Add(Years());
        return command;
    }

    private static Argument<DateOnly> DateArgument(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
            result.AddError($"'{text}' is not a date of the form yyyy-MM-dd.");
            return default;
        },
    };

    private static async Task<WorkingDayCalendar> LoadCalendar(ParseResult parse, Option<string> store, CancellationToken ct)
    {
        await using var ledgerStore = LedgerStore.Open(parse.GetValue(store)!);
        await ledgerStore.InitializeAsync(ct);
        return await ledgerStore.Reference.CalendarAsync(ct);
    }

    private static async Task<int> Unknown(ParseResult parse, int year)
    {
        await parse.InvocationConfiguration.Error.WriteLineAsync(
            $"The calendar of {year} is not loaded: load its holiday file with 'ccer calendar load <file.csv>'.");
        return CcerCommand.BadInput;
    }

    private static Command AddDays()
    {
        var store = CcerCommand.StoreOption();
        var start = DateArgument("start", "The first day, yyyy-MM-dd.");
        var days = new Argument<int>("working-days") { Description = "How many working days (1 to 1000)." };
        days.Validators.Add(r => { if (r.GetValue(days) is < 1 or > 1000) r.AddError("working-days must be between 1 and 1000."); });
        var command = new Command("add-days", "The date N working days after a date, and the end of an N-working-day notice starting on it.")
            { start, days, store };
        command.SetAction(async (parse, ct) =>
        {
            var calendar = await LoadCalendar(parse, store, ct);
            var (from, n) = (parse.GetValue(start), parse.GetValue(days));
            if (!calendar.TryAddWorkingDays(from, n, out var after, out var year)) return await Unknown(parse, year);
            if (!calendar.TryNoticeEnd(from, n, out var end, out year)) return await Unknown(parse, year);
            var output = parse.InvocationConfiguration.Output;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{after:yyyy-MM-dd}"));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{n} working days after {from:yyyy-MM-dd} is {after:yyyy-MM-dd}; a {n}-working-day notice starting {from:yyyy-MM-dd} ends on {end:yyyy-MM-dd}."));
            return CcerCommand.Success;
        });
        return command;
    }

    private static Command Between()
    {
        var store = CcerCommand.StoreOption();
        var from = DateArgument("from", "Start, yyyy-MM-dd (not counted).");
        var to = DateArgument("to", "End, yyyy-MM-dd (counted).");
        var command = new Command("between", "Working days after 'from' up to and including 'to'.") { from, to, store };
        command.SetAction(async (parse, ct) =>
        {
            var calendar = await LoadCalendar(parse, store, ct);
            if (!calendar.TryWorkingDaysBetween(parse.GetValue(from), parse.GetValue(to), out var count, out var year)) return await Unknown(parse, year);
            await parse.InvocationConfiguration.Output.WriteLineAsync(count.ToString(CultureInfo.InvariantCulture));
            return CcerCommand.Success;
        });
        return command;
    }

    private static Command Check()
    {
        var store = CcerCommand.StoreOption();
        var date = DateArgument("date", "The day, yyyy-MM-dd.");
        var command = new Command("is-working-day", "Whether a date is a working day (exit 0 with yes or no).") { date, store };
        command.SetAction(async (parse, ct) =>
        {
            var calendar = await LoadCalendar(parse, store, ct);
            var day = parse.GetValue(date);
            if (!calendar.TryIsWorkingDay(day, out var working)) return await Unknown(parse, day.Year);
            await parse.InvocationConfiguration.Output.WriteLineAsync(working ? "yes" : "no");
            return CcerCommand.Success;
        });
        return command;
    }

    private static Command Load()
    {
        var store = CcerCommand.StoreOption();
        var file = new Argument<FileInfo>("file") { Description = "A year's file: date,kind,name with kind holiday or workday." };
        var command = new Command("load", "Load a new year's holiday file into the store (the server reads it at start).") { file, store };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            var error = parse.InvocationConfiguration.Error;
            if (!path.Exists)
            {
                await error.WriteLineAsync($"No file {path.FullName}.");
                return CcerCommand.BadInput;
            }
            await using var ledgerStore = LedgerStore.Open(parse.GetValue(store)!);
            await ledgerStore.InitializeAsync(ct);
            var result = await ledgerStore.Reference.AddCalendarYearAsync(await File.ReadAllTextAsync(path.FullName, ct), DateTimeOffset.UtcNow, ct);
            switch (result.Status)
            {
                case CalendarLoadStatus.Ok:
                    await parse.InvocationConfiguration.Output.WriteLineAsync($"Calendar {result.Year} loaded.");
                    return CcerCommand.Success;
                case CalendarLoadStatus.Malformed:
                    await error.WriteLineAsync($"{path.Name}: {result.Error}");
                    return CcerCommand.BadInput;
                default:
                    await error.WriteLineAsync($"The calendar of {result.Year} is already loaded with different days; a published calendar is never changed.");
                    return CcerCommand.Failed;
            }
        });
        return command;
    }

    private static Command Years()
    {
        var store = CcerCommand.StoreOption();
        var command = new Command("years", "The years whose calendar is known.") { store };
        command.SetAction(async (parse, ct) =>
        {
            var calendar = await LoadCalendar(parse, store, ct);
            await parse.InvocationConfiguration.Output.WriteLineAsync(string.Join(' ', calendar.Years));
            return CcerCommand.Success;
        });
        return command;
    }
}
