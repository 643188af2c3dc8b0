using OpenCcer.Storage;

namespace OpenCcer.Server.Api;

/// <summary>Public statistics as JSON for the web UI: issuance, cancellations, ETS offsets, the project pipeline.</summary>
public static class StatisticsEndpoints
{
    public static IEndpointRouteBuilder MapStatisticsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/public/statistics", async (LedgerStore store, CancellationToken ct) =>
            {
                var s = await store.Registry.StatisticsAsync(ct);
                var phases = s.ProjectsByPhase.ToDictionary(r => r.Key, r => r.Count, StringComparer.Ordinal);
                return TypedResults.Ok(new
                {
                    s.IssuanceByMethodology,
                    s.IssuanceByProvince,
                    s.IssuanceByVintage,
                    s.CancellationsByPurpose,
                    s.OffsetsByCompliancePeriod,
                    Pipeline = new
                    {
                        Registered = phases.GetValueOrDefault("registered"),
                        InPublicNotice = phases.GetValueOrDefault("in_public_notice"),
                        ByPhase = s.ProjectsByPhase,
                    },
                });
            })
            .WithTags("Public").AllowAnonymous()
            .WithSummary("Issuance by methodology, province and vintage; cancellations by purpose; ETS offsets per period; registered versus in-notice projects.");
        return app;
    }
}
