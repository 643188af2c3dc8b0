namespace OpenCcer.Core.Methodologies.GridPower;

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

/// <summary>
/// The answer to "which factors apply to grid g in year y". <see cref="Row"/> is set exactly when
/// <see cref="Status"/> is <see cref="GridFactorLookupStatus.Exact"/> or
/// <see cref="GridFactorLookupStatus.EarlierYear"/>.
/// </summary>
public sealed record GridFactorLookup(GridFactorLookupStatus Status, string Grid, int RequestedYear, GridFactorRow? Row)
{
    public bool Found => Row is not null;
}
