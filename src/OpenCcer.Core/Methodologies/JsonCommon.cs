namespace OpenCcer.Core.Methodologies;

/// <summary>JSON fields every methodology input shares: mode, crediting period, rounding.</summary>
internal static class JsonCommon
{
    internal static CalculationMode ReadMode(JsonFields root) =>
        root.Choice("mode", false, "ex_post", "ex_ante") == "ex_ante" ? CalculationMode.ExAnte : CalculationMode.ExPost;

    internal static CreditingPeriod? ReadCreditingPeriod(JsonFields root, CalculationMode mode)
    {
        if (root.Object("crediting_period", required: mode == CalculationMode.ExPost) is not { } c)
        {
            return null;
        }
        var start = c.Date("start");
        var end = c.Date("end");
        c.RejectUnknown();
        if (start is null || end is null)
        {
            return null;
        }
        if (end < start)
        {
            c.Error("end", "must not be before start");
            return null;
        }
        return new CreditingPeriod(start.Value, end.Value);
    }

    internal static RoundingRule? ReadRounding(JsonFields settings) =>
        settings.Choice("rounding", false, "down", "half_up") switch
        {
            "down" => RoundingRule.Down,
            "half_up" => RoundingRule.HalfUp,
            _ => null,
        };
}
