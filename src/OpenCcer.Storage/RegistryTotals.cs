namespace OpenCcer.Storage;

/// <summary>Registry-wide figures. Conservation: Issued = Held + InTrading + Reserved + Frozen + Cancelled.</summary>
public sealed record RegistryTotals(
    long IssuedTonnes,
    long Issuances,
    long HeldTonnes,
    long InTradingTonnes,
    long ReservedTonnes,
    long FrozenTonnes,
    long CancelledTonnes,
    long Subjects,
    long Projects);
