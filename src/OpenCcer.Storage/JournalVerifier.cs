using OpenCcer.Core.Exchange;
using OpenCcer.Core.Registry;
using OpenCcer.Storage.Exchange;
using OpenCcer.Storage.Journal;
using OpenCcer.Storage.Projections;

namespace OpenCcer.Storage;

/// <summary>What <see cref="JournalVerifier"/> found. Sound when there are no problems.</summary>
public sealed record VerificationReport(long JournalRows, string HeadHash, string StateHash, IReadOnlyList<string> Problems)
{
    /// <summary>The exchange journal's part: rows, head hash and the replayed venue's state hash.</summary>
    public ExchangeVerification Exchange { get; init; } = new(0, JournalHash.Genesis, "");

    public bool IsSound => Problems.Count == 0;
}

/// <summary>
/// Replays the journal from the first row: checks every hash link, applies every event to an empty
/// ledger, checks the ledger's invariants, and compares every projection row with the replayed state;
/// checks the hash chain of the lifecycle timeline; then does the same for the exchange journal
/// (<see cref="ExchangeJournalVerifier"/>).
/// </summary>
public static class JournalVerifier
{
    private const int ProblemsMax = 50;

    /// <summary>Verifies with the exchange on the clock and fee recorded in the store (<see cref="ExchangeSettings"/>).</summary>
    public static Task<VerificationReport> VerifyAsync(LedgerStore store, CancellationToken ct = default) => VerifyAsync(store, null, null, ct);

    /// <summary>
    /// Verifies both journals; <paramref name="clock"/> and <paramref name="rules"/> are those the exchange ran
    /// on (those recorded in the store when null).
    /// </summary>
    public static async Task<VerificationReport> VerifyAsync(LedgerStore store, MarketClock? clock, MarketRules? rules, CancellationToken ct = default)
    {
        var problems = new List<string>();
        var ledger = new Ledger();
        var chain = new ChainVerifier("Journal");
        var replayable = true;
        await foreach (var entry in store.ReadJournalAsync(ct))
        {
            chain.Check(entry.Link, problems);
            if (replayable)
            {
                try
                {
                    var e = EventJson.Deserialize(entry.EventJson);
                    if (EventJson.KindOf(e) != entry.Kind) problems.Add($"Journal row {entry.Sequence}: kind {entry.Kind} does not match its event.");
                    ledger.Apply(e);
                }
                catch (Exception ex) when (ex is LedgerCorruptException or System.Text.Json.JsonException or ArgumentException or InvalidOperationException or NotSupportedException)
                {
                    problems.Add($"Journal row {entry.Sequence}: cannot be replayed: {ex.Message}");
                    replayable = false;
                }
            }
        }
        if (replayable)
        {
            problems.AddRange(ledger.CheckInvariants().Select(p => "Replayed ledger: " + p));
            Compare(ProjectionSet.FromLedger(ledger), await store.ReadProjectionsAsync(ct), problems);
        }
        var lifecycle = new ChainVerifier("Lifecycle journal");
        await foreach (var row in store.Lifecycle.ReadLifecycleEventsAsync(ct)) lifecycle.Check(row.Link, problems);
        var settings = await store.Exchange.ExchangeSettingsAsync(ct) ?? new ExchangeSettings(AlwaysOpenDemo: false, MarketRules.Default.Fees.RateBasisPoints);
        clock ??= settings.Clock(await store.Reference.CalendarAsync(ct));
        var exchange = await ExchangeJournalVerifier.VerifyAsync(store, clock, rules ?? settings.Rules(), problems, ct);
        if (problems.Count > ProblemsMax)
        {
            var more = problems.Count - ProblemsMax;
            problems.RemoveRange(ProblemsMax, more);
            problems.Add($"... and {more} more problems.");
        }
        return new VerificationReport(chain.Head.Sequence, chain.Head.Hash, ledger.StateHash(), problems) { Exchange = exchange };
    }

    private static void Compare(ProjectionSet expected, ProjectionSet actual, List<string> problems)
    {
        CompareRows("accounts", expected.Accounts, actual.Accounts, problems);
        CompareRows("issuances", expected.Issuances, actual.Issuances, problems);
        CompareRows("blocks", expected.Blocks, actual.Blocks, problems);
        CompareRows("holdings", expected.Holdings, actual.Holdings, problems);
        CompareRows("reservations", expected.Reservations, actual.Reservations, problems);
        CompareRows("freezes", expected.Freezes, actual.Freezes, problems);
        CompareRows("cancellations", expected.Cancellations, actual.Cancellations, problems);
    }

    private static void CompareRows<T>(string table, List<T> expected, List<T> actual, List<string> problems) where T : notnull
    {
        var missing = expected.Except(actual).ToList();
        var extra = actual.Except(expected).ToList();
        foreach (var row in missing.Take(10)) problems.Add($"Projection {table}: expected {row}, not found as such.");
        foreach (var row in extra.Take(10)) problems.Add($"Projection {table}: row {row} does not match the journal.");
    }
}
