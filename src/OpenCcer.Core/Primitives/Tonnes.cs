using System.Globalization;

namespace OpenCcer.Core.Primitives;

/// <summary>
/// A whole number of tonnes of CO2 equivalent; one CCER unit is one tonne. Arithmetic is checked:
/// an overflow throws rather than wraps. No implicit conversion from or to <see cref="long"/>.
/// </summary>
public readonly record struct Tonnes(long Value) : IComparable<Tonnes>
{
    public static readonly Tonnes Zero = new(0);

    public bool IsPositive => Value > 0;

    public static Tonnes operator +(Tonnes a, Tonnes b) => new(checked(a.Value + b.Value));
    public static Tonnes operator -(Tonnes a, Tonnes b) => new(checked(a.Value - b.Value));
    public static bool operator <(Tonnes a, Tonnes b) => a.Value < b.Value;
    public static bool operator >(Tonnes a, Tonnes b) => a.Value > b.Value;
    public static bool operator <=(Tonnes a, Tonnes b) => a.Value <= b.Value;
    public static bool operator >=(Tonnes a, Tonnes b) => a.Value >= b.Value;

    public int CompareTo(Tonnes other) => Value.CompareTo(other.Value);

    public override string ToString() => Value.ToString("N0", CultureInfo.InvariantCulture) + " t";
}
