using System.Text.Json;
using OpenCcer.Core.Methodologies.Forestry;

namespace OpenCcer.Core.Methodologies.Mangrove;

/// <summary>
/// CCER-14-002-V01 mangrove planting: the afforestation accounting plus a sediment carbon pool,
/// Σ stratum area × accumulation rate × years × 44/12 (rate CONFIGURABLE, IPCC default 1.62 tC/ha/yr).
/// </summary>
public sealed class MangroveCalculator : IMethodologyCalculator
{
    public const string MethodologyCode = "CCER-14-002-V01";

    public string Code => MethodologyCode;

    public CalculationOutcome CalculateJson(JsonElement input, MethodologyReferenceData reference)
    {
        var errors = new List<FieldError>();
        if (JsonFields.Root(input, errors) is not { } root)
        {
            return CalculationOutcome.Invalid(errors);
        }
        var forest = ForestryJson.Read(root);
        MangroveLand? land = null;
        if (root.Object("land") is { } l)
        {
            var site = l.Choice("site", true, "bare_tidal_flat", "retired_aquaculture_pond", "other");
            var tenure = l.Bool("tenure_proof");
            l.RejectUnknown();
            if (site is not null && tenure is not null)
            {
                var kind = site switch
                {
                    "bare_tidal_flat" => MangroveSite.BareTidalFlat,
                    "retired_aquaculture_pond" => MangroveSite.RetiredAquaculturePond,
                    _ => MangroveSite.Other,
                };
                land = new MangroveLand(kind, tenure.Value);
            }
        }
        root.RejectUnknown();
        return errors.Count > 0 || forest is null || land is null
            ? CalculationOutcome.Invalid(errors)
            : Calculate(new MangroveInput(forest, land), reference);
    }

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

    public static CalculationOutcome Calculate(MangroveInput input, MethodologyReferenceData reference)
    {
        var errors = ForestryAccounting.Validate(input.Forest, reference.Species);
        if (errors.Count > 0)
        {
            return CalculationOutcome.Invalid(errors);
        }
        var failures = CheckApplicability(input, reference.Info(MethodologyCode), reference.Species);
        return failures.Count > 0
            ? CalculationOutcome.NotApplicable(failures)
            : CalculationOutcome.Success(ForestryAccounting.Compute(MethodologyCode, input.Forest, reference.Species,
                input.Forest.Settings.SedimentRateTcPerHaYear));
    }
}
