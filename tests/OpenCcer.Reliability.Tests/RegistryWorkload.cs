using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using OpenCcer.Storage;

namespace OpenCcer.Reliability.Tests;

/// <summary>
/// Client-side bookkeeping for tests that hammer the registry over HTTP: transfers of one tonne between
/// SPIC's registry (1) and trading (2) accounts, cancellations of one tonne from account 1 and
/// reservations of one tonne on account 2, each under a client-chosen operation id. It remembers every
/// operation until it is acknowledged (applied or refused), so unacknowledged ones can be retried with
/// the same id and body, and predicts the exact holdings from the applied ones.
/// </summary>
public sealed class RegistryWorkload(string projectCode, int vintage)
{
    public const string OwnerKey = "ccer-demo-owner-spic";
    public const string ExchangeKey = "ccer-demo-exchange";

    public sealed record Operation(string Id, string Kind, string Path, string Key, string Body);

    private readonly ConcurrentDictionary<string, Operation> unacknowledged = new();
    private readonly ConcurrentDictionary<string, (Operation Operation, long Sequence)> applied = new();
    private readonly ConcurrentDictionary<string, Operation> refused = new();
    private readonly ConcurrentDictionary<string, byte> sent = new();
    private long next;

    public int Unacknowledged => unacknowledged.Count;
    public int Applied => applied.Count;
    public int Refused => refused.Count;
    public int Replays;

    /// <summary>Sends of an operation id that had been sent before (after a lost answer, or a deliberate repeat).</summary>
    public int Retries;

    /// <summary>Answers lost (no response, or a 5xx), by exception or status and problem type.</summary>
    public Tally Lost { get; } = new();

    public Operation NewOperation(Random random)
    {
        var id = $"wl-{Interlocked.Increment(ref next)}-{Guid.CreateVersion7():N}";
        var roll = random.Next(100);
        Operation op;
        if (roll < 70)
        {
            var toTrading = random.Next(2) == 0;
            op = new(id, toTrading ? "to_trading" : "from_trading", "/api/v1/transfers", OwnerKey,
                $$"""{"operation_id":"{{id}}","from_account_id":{{(toTrading ? 1 : 2)}},"to_account_id":{{(toTrading ? 2 : 1)}},"project_code":"{{projectCode}}","vintage":{{vintage}},"quantity_tonnes":1,"reason":"{{(toTrading ? "to_trading" : "from_trading")}}"}""");
        }
        else if (roll < 85)
        {
            op = new(id, "cancel", "/api/v1/cancellations", OwnerKey,
                $$"""{"operation_id":"{{id}}","account_id":1,"project_code":"{{projectCode}}","vintage":{{vintage}},"quantity_tonnes":1,"purpose":"voluntary_public_interest","beneficiary":"Reliability test"}""");
        }
        else
        {
            op = new(id, "reserve", "/api/v1/reservations", ExchangeKey,
                $$"""{"operation_id":"{{id}}","account_id":2,"project_code":"{{projectCode}}","vintage":{{vintage}},"quantity_tonnes":1,"purpose":"order"}""");
        }
        unacknowledged[id] = op;
        return op;
    }

    public IReadOnlyList<Operation> Pending() => unacknowledged.Values.ToList();

    /// <summary>Sends an operation; true when it was acknowledged (applied or refused), false when the answer was lost.</summary>
    public async Task<bool> SendAsync(HttpClient http, Operation op)
    {
        if (!sent.TryAdd(op.Id, 0)) Interlocked.Increment(ref Retries);
        var response = await WorkloadPost.SendAsync(http, op.Path, op.Key, op.Body, Lost);
        if (response is null) return false;
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var body = JsonDocument.Parse(text).RootElement;
                var sequence = body.GetProperty("sequence").GetInt64();
                if (body.GetProperty("replayed").GetBoolean()) Interlocked.Increment(ref Replays);
                if (applied.TryGetValue(op.Id, out var earlier) && earlier.Sequence != sequence)
                    throw new InvalidOperationException($"{op.Id} acknowledged at rows {earlier.Sequence} and {sequence}: applied twice.");
                applied[op.Id] = (op, sequence);
                unacknowledged.TryRemove(op.Id, out _);
                return true;
            }
            if ((int)response.StatusCode is >= 400 and < 500 && response.StatusCode != HttpStatusCode.TooManyRequests)
            {
                if (response.StatusCode is HttpStatusCode.UnprocessableEntity)
                    throw new InvalidOperationException($"{op.Id} with its own body was refused as a conflict: {text}");
                refused[op.Id] = op;
                unacknowledged.TryRemove(op.Id, out _);
                return true;
            }
            Lost.Add($"{(int)response.StatusCode} {WorkloadPost.ProblemType(text)}");
            return false; // 5xx (the store went away with the process): the outcome is unknown
        }
    }

    /// <summary>
    /// Checks the store against what the clients were told: each applied operation exactly once in the
    /// journal at the row it was acknowledged at, no refused one in it, no workload row unaccounted for,
    /// the holdings of accounts 1 and 2 exactly as the applied operations predict, the reservations
    /// made, and the journal verified (hash chain, replay equals projections, invariants).
    /// </summary>
    public async Task<List<string>> CheckAsync(LedgerStore store, HoldingSnapshot before)
    {
        var problems = new List<string>();
        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        await foreach (var entry in store.ReadJournalAsync())
        {
            if (!entry.OperationId.StartsWith("wl-", StringComparison.Ordinal)) continue;
            if (!rows.TryAdd(entry.OperationId, entry.Sequence)) problems.Add($"{entry.OperationId} is in the journal twice.");
        }
        foreach (var (id, (_, sequence)) in applied)
            if (!rows.TryGetValue(id, out var row)) problems.Add($"{id} was acknowledged but is not in the journal.");
            else if (row != sequence) problems.Add($"{id} was acknowledged at row {sequence} but is at row {row}.");
        foreach (var id in refused.Keys)
            if (rows.ContainsKey(id)) problems.Add($"{id} was refused but is in the journal.");
        foreach (var id in rows.Keys)
            if (!applied.ContainsKey(id)) problems.Add($"{id} is in the journal but no client was told it was applied.");

        var ops = applied.Values.Select(a => a.Operation.Kind).ToList();
        var toTrading = ops.Count(k => k == "to_trading");
        var fromTrading = ops.Count(k => k == "from_trading");
        var cancels = ops.Count(k => k == "cancel");
        var reserves = ops.Count(k => k == "reserve");
        var after = await HoldingSnapshot.TakeAsync(store, projectCode, vintage);
        var expected = before with
        {
            Available1 = before.Available1 - toTrading + fromTrading - cancels,
            Cancelled1 = before.Cancelled1 + cancels,
            Available2 = before.Available2 + toTrading - fromTrading - reserves,
            Reserved2 = before.Reserved2 + reserves,
        };
        if (after != expected) problems.Add($"holdings {after} differ from the prediction {expected}.");
        var report = await JournalVerifier.VerifyAsync(store);
        problems.AddRange(report.Problems.Select(p => "verify: " + p));
        return problems;
    }
}

/// <summary>The holdings of accounts 1 and 2 in one instrument.</summary>
public sealed record HoldingSnapshot(long Available1, long Cancelled1, long Available2, long Reserved2)
{
    public static async Task<HoldingSnapshot> TakeAsync(LedgerStore store, string projectCode, int vintage)
    {
        var one = (await store.Registry.HoldingsAsync(1)).Single(h => h.ProjectCode == projectCode && h.Vintage == vintage);
        var two = (await store.Registry.HoldingsAsync(2)).SingleOrDefault(h => h.ProjectCode == projectCode && h.Vintage == vintage);
        return new HoldingSnapshot(one.Available, one.Cancelled, two?.Available ?? 0, two?.Reserved ?? 0);
    }
}
