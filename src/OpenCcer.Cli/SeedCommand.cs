using System.CommandLine;
using OpenCcer.Storage;

namespace OpenCcer.Cli;

/// <summary><c>ccer seed</c>: loads the demo data and prints the demo API keys. Safe to run twice.</summary>
internal static class SeedCommand
{
    public static Command Create() =>
        CcerCommand.OnStore("seed", "Load demo data (real first-batch projects and synthetic ones) and print the demo API keys.", async (ledgerStore, output, ct) =>
        {
            await using var engine = await RegistryEngine.StartAsync(ledgerStore, TimeProvider.System, ct);
            var applied = await DemoSeed.RunAsync(engine, ct);
            await output.WriteLineAsync($"Seeded {ledgerStore.Provider} store: {applied} new operations, journal at row {engine.Sequence}.");
            await output.WriteLineAsync("Demo API keys (send as the X-Api-Key header; public knowledge, demo only):");
            foreach (var k in DemoSeed.Keys)
                await output.WriteLineAsync($"  {k.Key,-28} {k.Role,-24} {k.Label}");
            return CcerCommand.Success;
        });
}
