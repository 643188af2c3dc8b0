using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.WebEncoders;

namespace OpenCcer.Server.Web;

/// <summary>
/// The web application (public explorer and participant portal): Razor Pages under <c>Pages/</c>, static
/// files under <c>wwwroot/</c>, texts in <c>Resources/</c> for 中文 and English. The language comes from the
/// <c>culture</c> query parameter (which also sets the cookie), then the cookie, then the browser.
/// </summary>
public static class WebSetup
{
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en")];

    public static IServiceCollection AddOpenCcerWeb(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        // Chinese text goes out as characters, not as &#x...; escapes (still HTML-encoded where it must be).
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRazorPages(o =>
        {
            // The explorer is public; the portal needs a signed-in person or key (a browser is sent to sign in).
            o.Conventions.AllowAnonymousToPage("/Index");
            foreach (var folder in new[] { "/Projects", "/Cancellations", "/Statistics", "/Market", "/Exports", "/Account" }) o.Conventions.AllowAnonymousToFolder(folder);
            o.Conventions.AuthorizeFolder("/Portal", Api.RegistryEndpoints.ReaderPolicy);
        });
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("zh-CN");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider { QueryStringKey = LanguageQueryKey, UIQueryStringKey = LanguageQueryKey },
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        services.AddSingleton<Exports.ExportJobs>();
        services.AddSingleton<Imports.ImportJobs>();
        // A browser that is not signed in is sent from a portal page to the sign-in page; the API keeps its bare 401.
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o =>
        {
            var api = o.Events.OnRedirectToLogin;
            o.Events.OnRedirectToLogin = c =>
            {
                var request = c.Request;
                if (!HttpMethods.IsGet(request.Method) || !request.Path.StartsWithSegments("/portal")
                    || !request.Headers.Accept.ToString().Contains("text/html", StringComparison.Ordinal))
                    return api(c);
                c.Response.Redirect("/sign-in?returnUrl=" + Uri.EscapeDataString(request.Path + request.QueryString));
                return Task.CompletedTask;
            };
        });
        return services;
    }

    public const string LanguageQueryKey = "culture";

    public static WebApplication UseOpenCcerWeb(this WebApplication app)
    {
        app.UseStaticFiles();
        app.UseRequestLocalization();
        // A language chosen by query is remembered in the cookie, so the next page keeps it.
        app.Use((context, next) =>
        {
            if (context.Request.Query.ContainsKey(LanguageQueryKey))
            {
                var culture = context.Features.Get<IRequestCultureFeature>()!.RequestCulture;
                context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(culture),
                    new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(365), IsEssential = true });
            }
            return next(context);
        });
        app.MapRazorPages();
        return app;
    }
}
