using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OpenCcer.Core.Registry;

namespace OpenCcer.Core.Tests.Registry;

/// <summary>
/// Pins what fixed seeded command sequences produce: every status, every event (as JSON) and the final
/// state hash, block ids and boundaries included. A change to the ledger's internals must leave these
/// digests unchanged; a change of behaviour shows here first.
/// </summary>
public sealed class LedgerPinnedHashTests
{
    [Theory]
    [InlineData(1, 10_000, "2f051d9942f83185b59d86f5b9c5ed0505ce1645dd5f9dbf7c33cd7ea8204975",
        "f31ce3c867d7eecf2968678721513c2c605922b625e32d1dee34600aca131f1f")]
    [InlineData(2, 10_000, "c79d78a50fdf9da3a90ef09574b69d1ef99d7c21c2f0c7b2254b446402206f54",
        "23adbe1e97d327b378a07ff462cabda32644f7b64bfb832441add5bc69855baf")]
    [InlineData(20250601, 30_000, "b069e10b8d02192868fe51d0c04f4da3bd50fb13f1086b3548fbe0fd317464b7",
        "ed1732d0178567eb388bc73ef988ca99651ce2da800bd2ba2508848644ec2916")]
    public void a_fixed_seeded_sequence_yields_the_pinned_results_and_state_hash(int seed, int steps, string resultsDigest, string stateHash)
    {
        var simulation = new LedgerSimulation(seed);
        using var digest = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var at = LedgerFixture.T0;
        for (var step = 0; step < steps; step++)
        {
            at = at.AddSeconds(17);
            var result = simulation.Step(at);
            var json = result.Event is null ? "" : JsonSerializer.Serialize(result.Event);
            digest.AppendData(Encoding.UTF8.GetBytes($"{step}|{result.Status}|{result.ExistingId}|{json}\n"));
        }
        Assert.Equal(resultsDigest, Convert.ToHexStringLower(digest.GetHashAndReset()));
        Assert.Equal(stateHash, simulation.Ledger.StateHash());
    }
}
