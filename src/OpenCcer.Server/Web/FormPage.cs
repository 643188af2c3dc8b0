using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OpenCcer.Server.Web;

/// <summary>
/// A page of forms that call the same handlers as the API. A success redirects with <c>?done=</c>; a refusal
/// shows the page again with the errors next to the form that was sent (<see cref="ErrorsOf"/>).
/// </summary>
public abstract class FormPage : PageModel
{
    public FormErrors Errors { get; } = new();

    /// <summary>The form whose refusal is shown, or null.</summary>
    public string? Form { get; private set; }

    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    private bool placed;

    /// <summary>The errors to show at <paramref name="form"/>: the refusal's when it was the form sent, else none.</summary>
    public FormErrors ErrorsOf(string form)
    {
        if (Form != form) return new FormErrors();
        placed = true;
        return Errors;
    }

    /// <summary>
    /// The refusal of a form the page no longer shows (a proposal already gone, an order of another market),
    /// so a refused request is never silent. Rendered after every form, so it knows whether one showed it.
    /// </summary>
    public Microsoft.AspNetCore.Html.IHtmlContent ShowUnplaced() =>
        Form is not null && !placed ? Errors.ShowSummary() : Microsoft.AspNetCore.Html.HtmlString.Empty;

    /// <summary>Loads what the page shows.</summary>
    protected abstract Task LoadAsync(CancellationToken ct);

    /// <summary>The page again, with <see cref="Errors"/> shown at <paramref name="form"/>.</summary>
    protected async Task<IActionResult> ShowRefusedAsync(string form)
    {
        Form = form;
        await LoadAsync(HttpContext.RequestAborted);
        return Page();
    }

    /// <summary>A quantity in tonnes as typed (thousands separators allowed), or null.</summary>
    protected static long? Tonnes(string? value) =>
        long.TryParse(value, NumberStyles.AllowThousands, CultureInfo.CurrentCulture, out var t) ? t : null;
}
