using System.Globalization;

namespace OpenCcer.Core.Exchange;

/// <summary>
/// An amount of Chinese yuan in fen (0.01 CNY). Arithmetic is checked: an overflow throws rather than
/// wraps. No floating point anywhere; no implicit conversion from or to <see cref="long"/>.
/// </summary>
public readonly record struct Money(long Fen) : IComparable<Money>
{
    public static readonly Money Zero = new(0);

    public static Money operator +(Money a, Money b) => new(checked(a.Fen + b.Fen));
    public static Money operator -(Money a, Money b) => new(checked(a.Fen - b.Fen));
    public static bool operator <(Money a, Money b) => a.Fen < b.Fen;
    public static bool operator >(Money a, Money b) => a.Fen > b.Fen;
    public static bool operator <=(Money a, Money b) => a.Fen <= b.Fen;
    public static bool operator >=(Money a, Money b) => a.Fen >= b.Fen;

    public int CompareTo(Money other) => Fen.CompareTo(other.Fen);

    /// <summary>Yuan with two decimals, for example <c>-12.05 CNY</c>.</summary>
    public override string ToString() => FenText.Format(Fen) + " CNY";
}
