using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenCcer.Application;
using OpenCcer.Application.Lifecycle;
using OpenCcer.Server.Api;
using OpenCcer.Server.Web;

namespace OpenCcer.Server.Pages.Portal;

/// <summary>A project owner drafts a project (the same handler as <c>POST /api/v1/projects</c>).</summary>
public sealed class NewProjectModel(ProjectHandlers projects, IStringLocalizer<Text> text) : PageModel
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
        var outcome = await projects.DraftAsync(Caller.Of(User), body, HttpContext.RequestAborted);
        if (outcome.IsOk) return Redirect($"/portal/projects/{outcome.Value!.State.Id}?done=drafted");
        Errors.Accept(outcome.Refusal!, text, "title", "methodology_code", "province", "construction_start", "crediting_start", "crediting_years");
        return Page();
    }

    private static DateOnly? Date(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
