namespace OpenCcer.Core.Article6;

/// <summary>The corresponding-adjustment status of authorized units. Values are stable: they are stored.</summary>
public enum CorrespondingAdjustment
{
    /// <summary>Authorized, first transfer not yet happened: no adjustment yet.</summary>
    Pending = 1,

    /// <summary>The first transfer happened: the host country adds the units back to its emissions balance.</summary>
    Applied = 2,
}
