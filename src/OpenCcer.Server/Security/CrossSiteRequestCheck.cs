using OpenCcer.Server.Api;

namespace OpenCcer.Server.Security;

/// <summary>
/// CSRF protection for requests a browser can send with ambient credentials (the sign-in cookie). The
/// cookie is SameSite=Strict, so browsers do not attach it to requests started by another site; this
/// check adds a second, independent layer: an unsafe request (anything but GET, HEAD, OPTIONS, TRACE)
/// without an API key is refused with 403 <c>/problems/cross-site-request</c> when the browser says it
/// comes from another origin (<c>Sec-Fetch-Site: cross-site</c> or <c>same-site</c>, or an
/// <c>Origin</c> that differs from this host). Requests without those headers are not from a browser's
/// cross-site context (curl, the CLI, partner systems) and pass. Requests with an API key pass: a key is
/// never sent by a browser on its own. We chose this over antiforgery tokens because the API is JSON
/// only (no HTML forms to carry a token) and both headers are set by browsers and cannot be forged by
/// a page.
/// </summary>
public static class CrossSiteRequestCheck
{
    public const string ProblemType = "/problems/cross-site-request";

    public static IApplicationBuilder UseCrossSiteRequestCheck(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (IsCrossSite(context.Request))
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, type: ProblemType, title: "Cross-site request refused.",
                detail: "A request that changes data must come from this site's own pages or carry an API key.").ExecuteAsync(context);
            return;
        }
        await next(context);
    });

    public static bool IsCrossSite(HttpRequest request)
    {
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
            || HttpMethods.IsTrace(request.Method))
            return false;
        if (request.Headers.ContainsKey("X-Api-Key") || request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return false;
        // Sec-Fetch-Site is set by the browser and cannot be changed by a page: when present it decides.
        // The Origin header is only the fallback for older browsers, because some send "null" on their
        // own same-origin form posts (under a strict referrer policy).
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site is "cross-site" or "same-site") return true;
        if (site is "same-origin" or "none") return false;
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0) return false;
        if (origin == "null") return true;
        return !Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            || !string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}
