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

    public FormErrors ErrorsOf(string form) => Form == form ? Errors : new FormErrors();

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
