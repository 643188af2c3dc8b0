namespace OpenCcer.Core.Methodologies.Forestry;

/// <summary>
/// Natural logarithm, exponential, power and square root in <see cref="decimal"/>, so allometric
/// equations with fractional exponents never pass through binary floating point. Accurate to about
/// 24 significant digits over the ranges forestry uses (DBH and heights of 0.1 to 1,000).
/// </summary>
internal static class DecimalMath
{
    private const decimal Ln2 = 0.6931471805599453094172321215m;
    private const decimal E = 2.7182818284590452353602874714m;
    private const decimal Epsilon = 0.0000000000000000000000000001m;

    /// <summary>x^y for x ≥ 0 (0^y = 0 for y &gt; 0; x^0 = 1).</summary>
    internal static decimal Pow(decimal x, decimal y)
    {
        if (y == 0m)
        {
            return 1m;
        }
        if (x < 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "Base must not be negative.");
        }
        return x == 0m ? 0m : Exp(y * Ln(x));
    }

    internal static decimal Ln(decimal x)
    {
        if (x <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "Logarithm of a non-positive number.");
        }
        // Reduce to m in [1, 2): ln x = ln m + k ln 2.
        var k = 0;
        while (x >= 2m)
        {
            x /= 2m;
            k++;
        }
        while (x < 1m)
        {
            x *= 2m;
            k--;
        }
        // ln m = 2 atanh(z), z = (m − 1)/(m + 1) ≤ 1/3: the series converges by a factor 9 per term.
        var z = (x - 1m) / (x + 1m);
        var z2 = z * z;
        var term = z;
        var sum = 0m;
        for (var n = 1; n < 200; n += 2)
        {
            var add = term / n;
            sum += add;
            if (Math.Abs(add) < Epsilon)
            {
                break;
            }
            term *= z2;
        }
        return (2m * sum) + (k * Ln2);
    }

    internal static decimal Exp(decimal y)
    {
        // Split y = n + f with |f| ≤ 0.5; e^n by repeated multiplication, e^f by its Taylor series.
        var n = (int)decimal.Round(y, MidpointRounding.ToEven);
        var f = y - n;
        var sum = 1m;
        var term = 1m;
        for (var i = 1; i < 100; i++)
        {
            term = term * f / i;
            sum += term;
            if (Math.Abs(term) < Epsilon)
            {
                break;
            }
        }
        var whole = 1m;
        for (var i = 0; i < Math.Abs(n); i++)
        {
            whole *= E;
        }
        return n >= 0 ? sum * whole : sum / whole;
    }

    internal static decimal Sqrt(decimal x)
    {
        if (x < 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "Square root of a negative number.");
        }
        if (x == 0m)
        {
            return 0m;
        }
        var guess = x > 1m ? x / 2m : 1m;
        for (var i = 0; i < 200; i++)
        {
            var next = (guess + (x / guess)) / 2m;
            if (next == guess)
            {
                break;
            }
            guess = next;
        }
        return guess;
    }
}
