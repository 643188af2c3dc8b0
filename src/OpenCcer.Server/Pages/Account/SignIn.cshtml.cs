using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenCcer.Server.People;
using OpenCcer.Server.Web;

namespace OpenCcer.Server.Pages.Account;

/// <summary>People sign in with the same Identity sign-in manager (and lockout) as <c>POST /api/v1/auth/sign-in</c>.</summary>
public sealed class SignInModel(SignInManager<User> signIn, IStringLocalizer<Text> text) : PageModel
{
    [BindProperty] public string? UserName { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public FormErrors Errors { get; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(UserName)) Errors.Add("user_name", text["Form.Required"]);
        if (string.IsNullOrEmpty(Password)) Errors.Add("password", text["Form.Required"]);
        if (Errors.Any) return Page();
        var result = await signIn.PasswordSignInAsync(UserName!, Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/portal");
        Errors.Fail(result.IsLockedOut ? text["SignIn.LockedOut"] : result.IsNotAllowed ? text["SignIn.NotAllowed"] : text["SignIn.Failed"]);
        return Page();
    }
}
