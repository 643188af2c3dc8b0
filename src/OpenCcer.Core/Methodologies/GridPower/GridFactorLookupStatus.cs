namespace OpenCcer.Core.Methodologies.GridPower;

/// <summary>How a grid-factor lookup was answered; see <see cref="GridFactorLookup"/>.</summary>
public enum GridFactorLookupStatus
{
    /// <summary>The table has a row for the grid and the requested year.</summary>
    Exact = 0,

    /// <summary>The requested year is not published; the latest earlier year is used instead.</summary>
    EarlierYear = 1,

    /// <summary>The table has no such grid.</summary>
    UnknownGrid = 2,

    /// <summary>The grid is known but has no row for the requested year or any earlier one.</summary>
    NoYearAtOrBefore = 3,
}
