namespace OpenCcer.Core.Methodologies;

/// <summary>
/// A crediting period, both ends inclusive. Invariant: <see cref="Start"/> is on or before <see cref="End"/>.
/// </summary>
public sealed record CreditingPeriod
{
    public CreditingPeriod(DateOnly start, DateOnly end)
    {
        if (end < start)
        {
            throw new ArgumentException($"Crediting period ends ({end:yyyy-MM-dd}) before it starts ({start:yyyy-MM-dd}).", nameof(end));
        }
        Start = start;
        End = end;
    }

    public DateOnly Start { get; }

    public DateOnly End { get; }

    /// <summary>True when the period is no longer than <paramref name="years"/> whole years.</summary>
    public bool LastsAtMost(int years) => End < Start.AddYears(years);

    /// <summary>True when the period lasts at least <paramref name="years"/> whole years.</summary>
    public bool LastsAtLeast(int years) => End >= Start.AddYears(years).AddDays(-1);

    public bool Contains(DateOnly date) => date >= Start && date <= End;
}
