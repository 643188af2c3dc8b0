using System.Globalization;
using Microsoft.Extensions.Localization;
using OpenCcer.Core.Primitives;

namespace OpenCcer.Server.Web;

/// <summary>Numbers, dates and translated names as the pages show them, in the request's culture.</summary>
public static class Display
{
    public static bool IsChinese => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);

    public static string Number(long value) => value.ToString("N0", CultureInfo.CurrentCulture);

    public static string Tonnes(long value) => Number(value) + " t";

    /// <summary>A price or an amount in fen, shown in yuan with two decimals.</summary>
    public static string Yuan(long fen) => "¥" + (fen / 100m).ToString("N2", CultureInfo.CurrentCulture);

    public static string Yuan(long? fen) => fen is { } f ? Yuan(f) : "—";

    public static string Date(DateOnly date) => date.ToString(IsChinese ? "yyyy年M月d日" : "d MMM yyyy", CultureInfo.CurrentCulture);

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "—";

    /// <summary>A stored business date ("yyyy-MM-dd") or timestamp (ISO 8601), shown in China Standard Time.</summary>
    public static string Stamp(string? stamp)
    {
        if (string.IsNullOrEmpty(stamp)) return "—";
        if (DateOnly.TryParseExact(stamp, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return Date(date);
        if (!DateTimeOffset.TryParse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)) return stamp;
        var local = ChinaClock.Local(at);
        return Date(DateOnly.FromDateTime(local.DateTime)) + " " + local.ToString("HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>The translation of <paramref name="key"/>, or <paramref name="fallback"/> when the resources have none.</summary>
    public static string Or(this IStringLocalizer text, string key, string fallback)
    {
        var found = text[key];
        return found.ResourceNotFound ? fallback : found.Value;
    }

    public static string Phase(this IStringLocalizer text, Core.Lifecycle.ProjectPhase phase) => text.Or("Phase." + phase, phase.ToString());

    public static string ReductionPhase(this IStringLocalizer text, Core.Lifecycle.ReductionPhase phase) =>
        text.Or("ReductionPhase." + phase, phase.ToString());

    /// <summary>A methodology's name in the page's language, from the catalogue (its code when unknown).</summary>
    public static string Methodology(Core.Methodologies.MethodologyCatalogue catalogue, string code) =>
        catalogue.Find(code) is { } m ? (IsChinese ? m.NameZh : m.NameEn) : code;

    public static string Purpose(this IStringLocalizer text, Core.Registry.CancellationPurpose purpose) => text.Or("Purpose." + purpose, purpose.ToString());

    public static string Role(this IStringLocalizer text, string role) => text.Or("Role." + role, role);

    /// <summary>A lifecycle actor's role, by its snake-case name as the timeline stores it ("project_owner").</summary>
    public static string ActorRole(this IStringLocalizer text, string role) => text.Or("ActorRole." + role, role.Replace('_', ' '));

    public static string ActorRole(this IStringLocalizer text, Core.Lifecycle.Role role) =>
        text.ActorRole(System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(role.ToString()));

    public static string EventKind(this IStringLocalizer text, string kind) => text.Or("Event." + kind, kind.Replace('_', ' '));

    public static string DocumentKind(this IStringLocalizer text, Storage.Documents.DocumentKind kind) => text.Or("DocumentKind." + kind, kind.ToString());

    public static string Province(this IStringLocalizer text, string province) => text.Or("Province." + province, province);

    public static string RequestStatus(this IStringLocalizer text, Storage.People.ChangeRequestStatus status) =>
        text.Or("RequestStatus." + status, status.ToString());

    /// <summary>The current page's address in another language (the <c>culture</c> query parameter replaced).</summary>
    public static string InLanguage(HttpRequest request, string culture)
    {
        var query = request.Query.Where(q => q.Key != WebSetup.LanguageQueryKey)
            .SelectMany(q => q.Value.Select(v => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(v ?? "")))
            .Append(WebSetup.LanguageQueryKey + "=" + culture);
        return request.PathBase + request.Path + "?" + string.Join("&", query);
    }
}
