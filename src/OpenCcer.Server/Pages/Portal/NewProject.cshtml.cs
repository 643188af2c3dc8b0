using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenCcer.Server.Api;
using OpenCcer.Server.Web;

namespace OpenCcer.Server.Pages.Portal;

/// <summary>A project owner drafts a project (the same checks as <c>POST /api/v1/projects</c>).</summary>
public sealed class NewProjectModel(PortalActions actions, IStringLocalizer<Text> text) : PageModel
{
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? MethodologyCode { get; set; }
    [BindProperty] public string? Province { get; set; }
    [BindProperty] public string? ConstructionStart { get; set; }
    [BindProperty] public string? CreditingStart { get; set; }
    [BindProperty] public string? CreditingYears { get; set; }

    public FormErrors Errors { get; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var body = new DraftProjectRequest(Title, MethodologyCode, Province, Date(ConstructionStart), Date(CreditingStart),
            int.TryParse(CreditingYears, NumberStyles.None, CultureInfo.InvariantCulture, out var years) ? years : null);
        var (project, result) = await actions.DraftAsync(HttpContext, body);
        if (Errors.Accept(result, text, "title", "methodology_code", "province", "construction_start", "crediting_start", "crediting_years"))
            return Redirect($"/portal/projects/{project!.State.Id}?done=drafted");
        return Page();
    }

    private static DateOnly? Date(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
