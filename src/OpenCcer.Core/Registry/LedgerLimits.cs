namespace OpenCcer.Core.Registry;

/// <summary>Bounds on what one command may ask, so that nothing grows without limit.</summary>
public static class LedgerLimits
{
    /// <summary>Largest quantity in one command: far above any real issuance, far below overflow.</summary>
    public const long QuantityMax = 1_000_000_000_000;

    public const int TextLengthMax = 200;
    public const int ProjectCodeLengthMax = 32;
    public const int VintageMin = 2005;
    public const int VintageMax = 2100;
}
