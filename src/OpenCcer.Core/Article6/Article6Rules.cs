namespace OpenCcer.Core.Article6;

/// <summary>
/// The share of each international transfer cancelled on top of it for overall mitigation in global
/// emissions (OMGE) or as a share of proceeds in units, in basis points (CONFIGURABLE: 200 = 2%, as for
/// Article 6.4; 0 switches it off). Rounded up to whole tonnes, in favour of the atmosphere.
/// </summary>
public sealed record Article6Rules(int CancellationBasisPoints)
{
    public const int CancellationBasisPointsMax = 10_000;

    public static readonly Article6Rules Default = new(200);

    public long MitigationCancellation(long transferredTonnes) =>
        checked(transferredTonnes * CancellationBasisPoints + 9_999) / 10_000;
}
