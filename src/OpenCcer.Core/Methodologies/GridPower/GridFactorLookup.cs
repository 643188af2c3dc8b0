namespace OpenCcer.Core.Methodologies.GridPower;

/// <summary>
/// The answer to "which factors apply to grid g in year y". <see cref="Row"/> is set exactly when
/// <see cref="Status"/> is <see cref="GridFactorLookupStatus.Exact"/> or
/// <see cref="GridFactorLookupStatus.EarlierYear"/>.
/// </summary>
public sealed record GridFactorLookup(GridFactorLookupStatus Status, string Grid, int RequestedYear, GridFactorRow? Row)
{
    public bool Found => Row is not null;
}
