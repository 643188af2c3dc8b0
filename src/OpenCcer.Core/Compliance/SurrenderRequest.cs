using OpenCcer.Core.Registry;

namespace OpenCcer.Core.Compliance;

/// <summary>
/// Units a key emitting unit hands in for one period: <see cref="AllowanceTonnes"/> allowances of
/// <see cref="AllowanceVintage"/> (the period when null) and CCER offsets by instrument.
/// </summary>
public sealed record SurrenderRequest(int Period, long AllowanceTonnes, int? AllowanceVintage, IReadOnlyList<OffsetLine> Offsets)
{
    public const int OffsetLinesMax = 50;

    public Instrument AllowanceInstrument => Instrument.Allowance(AllowanceVintage ?? Period);

    public long OffsetTonnes => Offsets.Sum(o => o.Tonnes);
}

/// <summary>CCERs of one instrument surrendered as an offset.</summary>
public sealed record OffsetLine(Instrument Instrument, long Tonnes);
