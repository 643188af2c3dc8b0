namespace OpenCcer.Storage;

/// <summary>
/// A grid-factor year added by a registry administrator after the shipped table: the published
/// values as text (decimal, invariant culture), its publication, and who added it when.
/// </summary>
public sealed record GridFactorRecord(string Grid, string GridZh, int Year, string OmTco2PerMwh, string BmTco2PerMwh,
    string Status, string Source, string AddedAt, string AddedBy);
