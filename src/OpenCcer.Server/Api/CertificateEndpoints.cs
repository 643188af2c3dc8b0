using Microsoft.Net.Http.Headers;
using OpenCcer.Core.Registry;
using OpenCcer.Server.Certificates;
using OpenCcer.Storage;

namespace OpenCcer.Server.Api;

/// <summary>
/// Cancellation certificates (R 15): the public record as JSON, the PDF, and the verification page the
/// certificate's QR code points to (HTML, or JSON when the client asks for it).
/// </summary>
public static class CertificateEndpoints
{
    /// <summary>The address the public reaches this registry at, printed on certificates and encoded in their QR codes.</summary>
    public const string PublicBaseUrlSetting = "Registry:PublicBaseUrl";

    public static IEndpointRouteBuilder MapCertificateEndpoints(this IEndpointRouteBuilder app)
    {
        var pub = app.MapGroup("/api/v1/public/certificates").WithTags("Public").AllowAnonymous();
        pub.MapGet("/{number}", async Task<IResult> (HttpContext http, string number) =>
                await Load(http, number) is { } view ? TypedResults.Ok(view) : Missing(number))
            .WithSummary("The public record of a cancellation certificate, with its journal hash.");
        pub.MapGet("/{number}/pdf", async Task<IResult> (HttpContext http, string number) =>
                await Load(http, number) is { } view
                    ? TypedResults.File(CertificatePdf.Render(view), "application/pdf", view.CertificateNumber + ".pdf")
                    : Missing(number))
            .WithSummary("The cancellation certificate as a PDF.");
        app.MapGet("/verify/{number}", async Task<IResult> (HttpContext http, string number) =>
            {
                var view = await Load(http, number);
                if (view is null) return Missing(number);
                var wantsJson = http.Request.GetTypedHeaders().Accept
                    .Any(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase));
                return wantsJson ? TypedResults.Ok(view) : TypedResults.Content(CertificatePage.Render(view), "text/html; charset=utf-8");
            })
            .WithTags("Public").AllowAnonymous()
            .WithSummary("Verify a certificate: the page its QR code opens (JSON with Accept: application/json).");
        return app;
    }

    private static Task<CertificateView?> Load(HttpContext http, string number)
    {
        var services = http.RequestServices;
        var baseUrl = services.GetRequiredService<IConfiguration>()[PublicBaseUrlSetting] is { Length: > 0 } configured
            ? configured
            : $"{http.Request.Scheme}://{http.Request.Host}";
        return CertificateViews.LoadAsync(services.GetRequiredService<LedgerStore>(), services.GetRequiredService<SerialFormat>(),
            baseUrl, number, http.RequestAborted);
    }

    private static IResult Missing(string number) => Problems.NotFound($"No certificate {number}.");
}
