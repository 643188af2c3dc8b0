namespace OpenCcer.Server.Security;

/// <summary>
/// Response headers that limit what a browser does with our responses, on every response including
/// errors (added when the response starts, after any exception handler has cleared the headers):
/// <list type="bullet">
/// <item>API, OpenAPI and health responses: a content security policy that allows nothing
/// (<c>default-src 'none'</c>), since they are data, never pages;</item>
/// <item>other paths (the API reference page, a future web UI): scripts, styles, images, fonts and
/// connections only from this origin; inline scripts and styles are allowed because the bundled API
/// reference page uses them;</item>
/// <item>everywhere: no framing (<c>frame-ancestors 'none'</c> and <c>X-Frame-Options: DENY</c>), no
/// content sniffing, no referrer, no access to camera, microphone or location, and <c>no-store</c> on
/// responses to requests that carry credentials, so personal data stays out of shared caches;</item>
/// <item>HSTS (one year) only on requests that arrived over TLS: behind a TLS-terminating proxy,
/// forwarded headers must be enabled so that the request is seen as HTTPS.</item>
/// </list>
/// </summary>
public static class SecurityHeaders
{
    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public const string PagePolicy = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; "
        + "base-uri 'self'; form-action 'self'";

    public const string HstsValue = "max-age=31536000; includeSubDomains";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            Apply(context);
            return Task.CompletedTask;
        });
        return next(context);
    });

    private static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        var path = context.Request.Path;
        var isData = path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/health");
        headers.ContentSecurityPolicy = isData ? ApiPolicy : PagePolicy;
        headers.XFrameOptions = "DENY";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        if (context.Request.IsHttps) headers.StrictTransportSecurity = HstsValue;
        var credentialed = context.Request.Headers.ContainsKey("X-Api-Key") || context.Request.Headers.ContainsKey("Authorization")
            || context.Request.Headers.Cookie.Count > 0;
        if (credentialed && !headers.ContainsKey("Cache-Control")) headers.CacheControl = "no-store";
    }
}
