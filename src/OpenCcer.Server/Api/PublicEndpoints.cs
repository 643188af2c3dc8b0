using OpenCcer.Core.Registry;
using OpenCcer.Storage;

namespace OpenCcer.Server.Api;

/// <summary>Anonymous reads of disclosed data: issuances, cancellations, registry totals.</summary>
public static class PublicEndpoints
{
    public static IEndpointRouteBuilder MapPublicEndpoints(this IEndpointRouteBuilder app)
    {
        var pub = app.MapGroup("/api/v1/public").WithTags("Public").AllowAnonymous();
        pub.MapGet("/issuances", async (LedgerStore store, SerialFormat format, string? project_code, int? limit, int? offset, CancellationToken ct) =>
            TypedResults.Ok((await store.Registry.IssuancesAsync(project_code, limit ?? 100, offset ?? 0, ct)).Select(i => new
            {
                i.Id,
                i.Reference,
                i.ProjectCode,
                i.Vintage,
                QuantityTonnes = i.Last - i.First + 1,
                Serials = format.Render(new Instrument(i.ProjectCode, i.Vintage), i.First, i.Last),
                i.IssuedAt,
            }))).WithSummary("Issuances with their serial ranges, oldest first.");
        pub.MapGet("/cancellations", async (LedgerStore store, int? limit, int? offset, CancellationToken ct) =>
            TypedResults.Ok((await store.Registry.CancellationsAsync(limit ?? 100, offset ?? 0, ct)).Select(Public)))
            .WithSummary("The cancellation register.");
        pub.MapGet("/cancellations/{certificate}", async Task<IResult> (LedgerStore store, string certificate, CancellationToken ct) =>
            await store.Registry.CancellationAsync(certificate, ct) is { } c ? TypedResults.Ok(Public(c)) : Problems.NotFound($"No certificate {certificate}."))
            .WithSummary("Verify one cancellation certificate.");
        pub.MapGet("/totals", async (LedgerStore store, CancellationToken ct) => TypedResults.Ok(await store.Registry.TotalsAsync(ct)))
            .WithSummary("Registry totals in tonnes.");
        return app;
    }

    private static object Public(Storage.Projections.CancellationRow c) => new
    {
        c.CertificateNumber,
        c.ProjectCode,
        c.Vintage,
        QuantityTonnes = c.Quantity,
        Purpose = RequestReader.Snake(((CancellationPurpose)c.Purpose).ToString()),
        c.Beneficiary,
        c.Ranges,
        c.CancelledAt,
    };
}
