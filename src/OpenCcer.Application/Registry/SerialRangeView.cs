using OpenCcer.Core.Registry;

namespace OpenCcer.Application.Registry;

/// <summary>A range of serial numbers of one issuance, both ends inclusive.</summary>
public sealed record SerialRangeView(long Issuance, long First, long Last, long QuantityTonnes)
{
    public static SerialRangeView Of(SerialRange r) => new(r.Issuance.Value, r.First, r.Last, r.Count);
}
