using OpenCcer.Core.Primitives;

namespace OpenCcer.Core.Methodologies;

/// <summary>
/// The single step that turns a methodology's net result (tCO2e, decimal) into whole tonnes.
/// Invariant: <see cref="Reductions"/> is never negative; a negative net result (a reversal or
/// project emissions above the baseline) gives zero units and sets <see cref="NetNegative"/>.
/// </summary>
public sealed record RoundingStep(decimal NetTco2e, RoundingRule Rule, Tonnes Reductions, bool NetNegative, string Source)
{
    /// <summary>
    /// Domain rule book, "Grid-connected power": issued tonnes are whole, rounded down (conservative,
    /// CONFIGURABLE); the forestry methodologies follow the same registry rule.
    /// </summary>
    public const string Citation =
        "Issued tonnes are whole: round down (conservative; CONFIGURABLE). CCER-01-001-V01, CCER-01-002-V01; registry practice for CCER-14-001-V01, CCER-14-002-V01.";

    /// <summary>Rounds <paramref name="netTco2e"/> to whole tonnes under <paramref name="rule"/>.</summary>
    public static RoundingStep ToWholeTonnes(decimal netTco2e, RoundingRule rule)
    {
        var rounded = rule switch
        {
            RoundingRule.Down => decimal.Truncate(netTco2e),
            RoundingRule.HalfUp => decimal.Round(netTco2e, 0, MidpointRounding.AwayFromZero),
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "Unknown rounding rule."),
        };
        var negative = netTco2e < 0m;
        var tonnes = negative ? Tonnes.Zero : new Tonnes(decimal.ToInt64(rounded));
        return new RoundingStep(netTco2e, rule, tonnes, negative, Citation);
    }
}
