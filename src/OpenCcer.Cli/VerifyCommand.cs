using System.CommandLine;
using OpenCcer.Storage;

namespace OpenCcer.Cli;

/// <summary>
/// <c>ccer verify</c>: replays the registry journal and the exchange journal (on the clock and fee the store
/// records for it), checks every hash link and recomputes every projection. Exit 0 only when everything
/// matches; 1 with a report otherwise.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create() =>
        CcerCommand.OnStore("verify", "Replay both journals, check their hash chains and recompute every projection.", async (ledgerStore, output, ct) =>
        {
            await ledgerStore.InitializeAsync(ct);
            var report = await JournalVerifier.VerifyAsync(ledgerStore, ct);
            await output.WriteLineAsync($"Journal rows: {report.JournalRows}");
            await output.WriteLineAsync($"Head hash:    {report.HeadHash}");
            await output.WriteLineAsync($"State hash:   {report.StateHash}");
            await output.WriteLineAsync($"Exchange journal rows: {report.Exchange.JournalRows}");
            await output.WriteLineAsync($"Exchange head hash:    {report.Exchange.HeadHash}");
            await output.WriteLineAsync($"Exchange state hash:   {report.Exchange.StateHash}");
            if (report.IsSound)
            {
                await output.WriteLineAsync("OK: hash chains intact, projections equal the replayed journals, invariants hold.");
                return CcerCommand.Success;
            }
            await output.WriteLineAsync($"FAILED: {report.Problems.Count} problem(s):");
            foreach (var p in report.Problems) await output.WriteLineAsync("  - " + p);
            return CcerCommand.Failed;
        });
}
