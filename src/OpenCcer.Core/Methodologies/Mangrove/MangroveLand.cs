namespace OpenCcer.Core.Methodologies.Mangrove;

/// <summary>What the planting site was before the project (CCER-14-002-V01 applicability).</summary>
public enum MangroveSite
{
    BareTidalFlat = 0,
    RetiredAquaculturePond = 1,

    /// <summary>Any other site: the methodology does not apply.</summary>
    Other = 2,
}

/// <summary>The site facts CCER-14-002-V01 applicability rests on: the site type and tenure proof.</summary>
public sealed record MangroveLand(MangroveSite Site, bool TenureProof);
