using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using ParIndex.Silo.Accounts;
using ParIndex.Silo.Demo;
using ParIndex.Web.Infrastructure;

namespace ParIndex.Web.Pages.Account;

/// <summary>
/// Sign-in with a hashed password; the form carries an antiforgery token (Razor Pages check it on every POST),
/// and its posts are limited per address (SignInLimit).
/// </summary>
[EnableRateLimiting(SignInLimit.Policy)]
public sealed class SignInModel(AccountService accounts, DemoAccounts demo) : PageModel
{
    public string? Refusal { get; private set; }
    public string? UserName { get; private set; }
    public string ReturnUrl { get; private set; } = "/";
    /// <summary>The demo's accounts, while the database holds the demo; empty otherwise.</summary>
    public IReadOnlyList<DemoAccount> DemoAccounts { get; private set; } = [];

    public async Task OnGetAsync(string? returnUrl, CancellationToken cancellationToken)
    {
        ReturnUrl = Safe(returnUrl);
        await OfferDemoAccountsAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(string username, string password, string? returnUrl, CancellationToken cancellationToken)
    {
        ReturnUrl = Safe(returnUrl);
        UserName = username;
        var result = await accounts.SignInAsync(username?.Trim() ?? "", password ?? "", cancellationToken);
        if (result.Account is null)
        {
            Refusal = result.Refusal;
            await OfferDemoAccountsAsync(cancellationToken);
            return Page();
        }
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, Authentication.ToPrincipal(result.Account));
        return LocalRedirect(ReturnUrl);
    }

    private async Task OfferDemoAccountsAsync(CancellationToken cancellationToken)
    {
        DemoAccounts = await demo.OfferedAsync(cancellationToken);
        ViewData["Demo"] = DemoAccounts.Count > 0; // the layout's notice: these accounts sign in to synthetic scores
    }

    /// <summary>Only addresses on this site: a sign-in link must not send people elsewhere.</summary>
    private string Safe(string? returnUrl) => returnUrl is { Length: > 0 } && Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}
