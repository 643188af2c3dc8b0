using OpenCcer.Core.Lifecycle;
using OpenCcer.Storage;
using OpenCcer.Storage.Lifecycle;
using OpenCcer.Storage.Projections;

namespace OpenCcer.Server.Web;

/// <summary>The public explorer's reads: projects filtered and searched, issuances and cancellations, figures for charts.</summary>
public static class Explorer
{
    /// <summary>At most this many projects are read for one page of the explorer (searching is done on them).</summary>
    public const int ProjectsReadMax = 5_000;

    /// <summary>At most this many issuances or cancellations are read for a register page or a chart.</summary>
    public const int RowsReadMax = 10_000;

    public const int PageSize = 20;

    public sealed record ProjectFilter(string? Search, string? Methodology, string? Province, ProjectPhase? Phase, int? Vintage);

    public static async Task<List<ProjectRecord>> ProjectsAsync(LedgerStore store, ProjectFilter filter, CancellationToken ct)
    {
        var all = await store.Lifecycle.ProjectsAsync(NullIfEmpty(filter.Methodology), NullIfEmpty(filter.Province), null, ProjectsReadMax, 0, ct);
        var search = filter.Search?.Trim();
        return all.Where(p => filter.Phase is null || p.State.Phase == filter.Phase)
            .Where(p => filter.Vintage is not { } v || (p.State.Description.CreditingPeriod.Start.Year <= v && v <= p.State.Description.CreditingPeriod.End.Year))
            .Where(p => string.IsNullOrEmpty(search)
                || p.State.Description.Title.Contains(search, StringComparison.OrdinalIgnoreCase)
                || p.Code.Contains(search, StringComparison.OrdinalIgnoreCase)
                || p.OwnerSubjectId.Contains(search, StringComparison.OrdinalIgnoreCase))
            .ToList();
    }

    public static async Task<List<ProjectRecord>> AllProjectsAsync(LedgerStore store, CancellationToken ct) =>
        await store.Lifecycle.ProjectsAsync(null, null, null, ProjectsReadMax, 0, ct);

    public static Task<List<IssuanceRow>> IssuancesAsync(LedgerStore store, string? projectCode, CancellationToken ct) =>
        store.Registry.IssuancesAsync(projectCode, RowsReadMax, 0, ct);

    public static Task<List<CancellationRow>> CancellationsAsync(LedgerStore store, CancellationToken ct) =>
        store.Registry.CancellationsAsync(RowsReadMax, 0, ct);

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
