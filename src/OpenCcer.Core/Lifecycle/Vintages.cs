using System.Collections.Immutable;
using OpenCcer.Core.Primitives;

namespace OpenCcer.Core.Lifecycle;

/// <summary>
/// Splits a verified quantity over the calendar years its monitoring period spans, because the tradable
/// instrument is project × vintage year (T 10) while a verification covers one continuous period.
/// </summary>
public static class Vintages
{
    /// <summary>
    /// One share per calendar year touched by <paramref name="period"/>, in year order. Each year gets
    /// <c>floor(quantity × days in that year ÷ days in the period)</c> tonnes; the remainder of the rounding
    /// goes to the last year. Invariants: the shares' parts tile the period without gap or overlap, and the
    /// shares sum exactly to <paramref name="quantity"/>. A period inside one year gives one share.
    /// </summary>
    /// <exception cref="ArgumentException">The period is not well formed or the quantity is negative.</exception>
    public static ImmutableArray<VintageShare> Split(MonitoringPeriod period, Tonnes quantity)
    {
        if (!period.IsWellFormed)
        {
            throw new ArgumentException($"Period {period} ends before it starts.", nameof(period));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(quantity.Value, nameof(quantity));
        var totalDays = period.Days;
        var shares = ImmutableArray.CreateBuilder<VintageShare>(period.Last.Year - period.First.Year + 1);
        var allotted = Tonnes.Zero;
        for (var year = period.First.Year; year <= period.Last.Year; year++)
        {
            var part = new MonitoringPeriod(
                year == period.First.Year ? period.First : new DateOnly(year, 1, 1),
                year == period.Last.Year ? period.Last : new DateOnly(year, 12, 31));
            var tonnes = year == period.Last.Year
                ? quantity - allotted
                : new Tonnes((long)((Int128)quantity.Value * part.Days / totalDays));
            allotted += tonnes;
            shares.Add(new VintageShare(year, part, tonnes));
        }

        return shares.MoveToImmutable();
    }
}
