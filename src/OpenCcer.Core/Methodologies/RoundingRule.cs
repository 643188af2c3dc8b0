namespace OpenCcer.Core.Methodologies;

/// <summary>How the net reductions in tCO2e become whole tonnes (units).</summary>
public enum RoundingRule
{
    /// <summary>Toward zero: the conservative default of the rule book ("round down").</summary>
    Down = 0,

    /// <summary>To the nearest tonne, halves away from zero; only where a methodology text requires it.</summary>
    HalfUp = 1,
}
