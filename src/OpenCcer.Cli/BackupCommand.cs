using System.CommandLine;
using OpenCcer.Storage;
using OpenCcer.Storage.Backup;

namespace OpenCcer.Cli;

/// <summary>
/// <c>ccer backup</c> and <c>ccer restore</c>. A backup is taken while the store is in use: SQLite writes
/// an image with its online backup API, PostgreSQL (or SQLite with <c>--logical</c>) a portable logical
/// dump read in one snapshot. A restore goes only into an empty database and ends with the same
/// verification as <c>ccer verify</c>, printing the hashes to compare with the source's.
/// </summary>
internal static class BackupCommand
{
    public static Command Backup()
    {
        var store = CcerCommand.StoreOption();
        var file = new Argument<FileInfo>("file") { Description = "The backup file to write (replaced when it exists)." };
        var logical = new Option<bool>("--logical") { Description = "Write a logical dump even from SQLite (restorable into PostgreSQL too)." };
        var command = new Command("backup", "Write a consistent backup of the store while it stays online.") { file, store, logical };
        command.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var target = parse.GetValue(file)!;
            await using var ledgerStore = LedgerStore.Open(parse.GetValue(store)!);
            await ledgerStore.InitializeAsync(ct);
            var format = await ledgerStore.Backup.BackupAsync(target.FullName, parse.GetValue(logical), ct);
            target.Refresh();
            await output.WriteLineAsync($"Backed up the {ledgerStore.Provider} store to {target.Name}: "
                + $"{(format == BackupFormat.SqliteImage ? "SQLite image" : "logical dump")}, {target.Length:N0} bytes.");
            return CcerCommand.Success;
        });
        return command;
    }

    public static Command Restore()
    {
        var store = CcerCommand.StoreOption();
        var file = new Argument<FileInfo>("file") { Description = "A file written by 'ccer backup'." };
        var command = new Command("restore", "Restore a backup into an empty store, then verify it.") { file, store };
        command.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var source = parse.GetValue(file)!;
            if (!source.Exists)
            {
                await error.WriteLineAsync($"No such file: {source.Name}");
                return CcerCommand.BadInput;
            }
            await using var ledgerStore = LedgerStore.Open(parse.GetValue(store)!);
            try
            {
                await ledgerStore.Backup.RestoreAsync(source.FullName, ct);
            }
            catch (Exception ex) when (ex is InvalidDataException or InvalidOperationException)
            {
                await error.WriteLineAsync("Restore refused: " + ex.Message);
                return CcerCommand.Failed;
            }
            var report = await JournalVerifier.VerifyAsync(ledgerStore, ct);
            await output.WriteLineAsync($"Restored into the {ledgerStore.Provider} store.");
            await output.WriteLineAsync($"Journal rows: {report.JournalRows}");
            await output.WriteLineAsync($"Head hash:    {report.HeadHash}");
            await output.WriteLineAsync($"State hash:   {report.StateHash}");
            if (report.IsSound)
            {
                await output.WriteLineAsync("OK: hash chain intact, projections equal the replayed journal, invariants hold.");
                return CcerCommand.Success;
            }
            await output.WriteLineAsync($"FAILED: {report.Problems.Count} problem(s):");
            foreach (var p in report.Problems) await output.WriteLineAsync("  - " + p);
            return CcerCommand.Failed;
        });
        return command;
    }
}
