using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParIndex.Silo.Accounts;

namespace ParIndex.Web.Pages.Account;

/// <summary>Sign-out is a POST (with its antiforgery token), so that a link elsewhere cannot sign anyone out.</summary>
public sealed class SignOutModel(AccountService accounts) : PageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // A new stamp, not just a deleted cookie: a copy of the cookie (another device, a stolen one) stops working too.
        if (User.Identity?.Name is { } name) await accounts.EndSessionsAsync(name, cancellationToken);
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return LocalRedirect("/");
    }
}
