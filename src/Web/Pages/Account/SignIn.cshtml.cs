using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using ParIndex.Silo.Accounts;
using ParIndex.Web.Infrastructure;

namespace ParIndex.Web.Pages.Account;

/// <summary>
/// Sign-in with a hashed password; the form carries an antiforgery token (Razor Pages check it on every POST),
/// and its posts are limited per address (SignInLimit).
/// </summary>
[EnableRateLimiting(SignInLimit.Policy)]
public sealed class SignInModel(AccountService accounts) : PageModel
{
    public string? Refusal { get; private set; }
    public string? UserName { get; private set; }
    public string ReturnUrl { get; private set; } = "/";

    public void OnGet(string? returnUrl) => ReturnUrl = Safe(returnUrl);

    public async Task<IActionResult> OnPostAsync(string username, string password, string? returnUrl, CancellationToken cancellationToken)
    {
        ReturnUrl = Safe(returnUrl);
        UserName = username;
        var result = await accounts.SignInAsync(username?.Trim() ?? "", password ?? "", cancellationToken);
        if (result.Account is null)
        {
            Refusal = result.Refusal;
            return Page();
        }
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, Authentication.ToPrincipal(result.Account));
        return LocalRedirect(ReturnUrl);
    }

    /// <summary>Only addresses on this site: a sign-in link must not send people elsewhere.</summary>
    private string Safe(string? returnUrl) => returnUrl is { Length: > 0 } && Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}
