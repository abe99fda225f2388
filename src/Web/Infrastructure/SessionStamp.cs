using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using ParIndex.Silo.Accounts;

namespace ParIndex.Web.Infrastructure;

/// <summary>
/// Every request with a session cookie asks the database whether the account still has the stamp the
/// cookie was made with (one query on the users' unique name index, not cached: a sign-out, a lockout or
/// a change of roles ends the session on the very next request, on every node).
/// </summary>
public static class SessionStamp
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var name = context.Principal?.Identity?.Name;
        var stamp = context.Principal?.FindFirst(Authentication.StampClaim)?.Value;
        var accounts = context.HttpContext.RequestServices.GetRequiredService<AccountService>();
        // A cookie without a stamp was made before stamps existed: it ends too.
        if (name is not null && stamp is not null && await accounts.IsSessionCurrentAsync(name, stamp, context.HttpContext.RequestAborted)) return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }
}
