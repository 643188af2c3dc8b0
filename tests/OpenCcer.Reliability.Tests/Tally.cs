using System.Collections.Concurrent;

namespace OpenCcer.Reliability.Tests;

/// <summary>Counts by reason, safe across client threads; for the test output.</summary>
public sealed class Tally
{
    private readonly ConcurrentDictionary<string, int> counts = new(StringComparer.Ordinal);

    public void Add(string reason) => counts.AddOrUpdate(reason, 1, (_, n) => n + 1);

    public int Total => counts.Values.Sum();

    /// <summary>"reason: count" pairs, the most frequent first; "none" when empty.</summary>
    public override string ToString() =>
        counts.IsEmpty ? "none" : string.Join(", ", counts.OrderByDescending(c => c.Value).Select(c => $"{c.Key}: {c.Value}"));
}
