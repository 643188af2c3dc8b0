namespace OpenCcer.Core.Registry;

/// <summary>
/// State of the units of a serial block. Held versus in trading is the kind of the account the block
/// sits in; a block's state says whether it may move. Cancelled is terminal.
/// </summary>
public enum UnitState
{
    Available = 1,
    Reserved = 2,
    Frozen = 3,
    Cancelled = 4,
}
