using OpenCcer.Core.Methodologies.Forestry;

namespace OpenCcer.Core.Methodologies.Mangrove;

/// <summary>
/// CCER-14-002-V01 mangrove planting: the afforestation accounting plus a sediment carbon pool,
/// Σ stratum area × accumulation rate × years × 44/12 (rate CONFIGURABLE, IPCC default 1.62 tC/ha/yr).
/// </summary>
public sealed class MangroveCalculator() : MethodologyCalculator<MangroveInput>(MethodologyCode, Read, Calculate)
{
    public const string MethodologyCode = "CCER-14-002-V01";

    /// <summary>Every failed applicability condition; empty when the project qualifies.</summary>
    public static IReadOnlyList<FieldError> CheckApplicability(MangroveInput input, MethodologyInfo info, SpeciesTable species)
    {
        var failures = new List<FieldError>();
        if (input.Land.Site == MangroveSite.Other)
        {
            failures.Add(new FieldError("land.site", "planting must be on bare tidal flats or retired aquaculture ponds"));
        }
        if (!input.Land.TenureProof)
        {
            failures.Add(new FieldError("land.tenure_proof", "proof of tenure is required"));
        }
        var inventories = new[] { ("previous", input.Forest.Previous), ("current", (Inventory?)input.Forest.Current) };
        foreach (var (name, inventory) in inventories)
        {
            var trees = inventory?.Trees ?? [];
            for (var i = 0; i < trees.Count; i++)
            {
                if (trees[i].Species is { } s && species.Find(s) is { Group: not "mangrove" } p)
                {
                    failures.Add(new FieldError($"{name}.trees[{i}].species", $"{p.Species} is not a mangrove species"));
                }
            }
        }
        ForestryAccounting.CheckCrediting(input.Forest, info, failures);
        return failures;
    }

    public static CalculationOutcome Calculate(MangroveInput input, MethodologyReferenceData reference) =>
        CalculationOutcome.Decide(
            ForestryAccounting.Validate(input.Forest, reference.Species),
            () => CheckApplicability(input, reference.Info(MethodologyCode), reference.Species),
            () => ForestryAccounting.Compute(MethodologyCode, input.Forest, reference.Species, input.Forest.Settings.SedimentRateTcPerHaYear));

    private static MangroveInput? Read(JsonFields root)
    {
        var forest = ForestryJson.Read(root);
        var land = root.Object("land") is { } l ? ReadLand(l) : null;
        return forest is null || land is null ? null : new MangroveInput(forest, land);
    }

    private static MangroveLand? ReadLand(JsonFields land)
    {
        var site = land.Choice("site", true, "bare_tidal_flat", "retired_aquaculture_pond", "other");
        var tenure = land.Bool("tenure_proof");
        land.RejectUnknown();
        if (site is null || tenure is null)
        {
            return null;
        }
        var kind = site switch
        {
            "bare_tidal_flat" => MangroveSite.BareTidalFlat,
            "retired_aquaculture_pond" => MangroveSite.RetiredAquaculturePond,
            _ => MangroveSite.Other,
        };
        return new MangroveLand(kind, tenure.Value);
    }
}
