using System.Globalization;
using OpenCcer.Core.Primitives;

namespace OpenCcer.Core.Exchange;

/// <summary>
/// A price in fen (0.01 CNY) per tonne, the price tick of T 11. Checked arithmetic; the product with a
/// quantity is exact (<see cref="Times"/>), never rounded.
/// </summary>
public readonly record struct PricePerTonne(long Fen) : IComparable<PricePerTonne>
{
    public bool IsPositive => Fen > 0;

    /// <summary>The turnover of <paramref name="quantity"/> at this price: price × quantity, exact.</summary>
    public Money Times(Tonnes quantity) => new(checked(Fen * quantity.Value));

    public static bool operator <(PricePerTonne a, PricePerTonne b) => a.Fen < b.Fen;
    public static bool operator >(PricePerTonne a, PricePerTonne b) => a.Fen > b.Fen;
    public static bool operator <=(PricePerTonne a, PricePerTonne b) => a.Fen <= b.Fen;
    public static bool operator >=(PricePerTonne a, PricePerTonne b) => a.Fen >= b.Fen;

    public int CompareTo(PricePerTonne other) => Fen.CompareTo(other.Fen);

    /// <summary>Yuan per tonne with two decimals, for example <c>58.30 CNY/t</c>.</summary>
    public override string ToString() => FenText.Format(Fen) + " CNY/t";
}
