namespace OpenCcer.Core.Registry;

/// <summary>
/// The class of a unit in the ledger: a CCER (project × vintage) or a national ETS allowance (CEA,
/// compliance year as the vintage). Both classes share the ledger's accounts, serial blocks and rules;
/// they differ only in what a cancellation may be for. Values are stable.
/// </summary>
public enum UnitClass
{
    Ccer = 1,
    Allowance = 2,
}
