using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using ParIndex.Grains.Domain.Workflow;
using ParIndex.Silo.Accounts;

namespace ParIndex.Web.Infrastructure;

/// <summary>
/// Cookie sign-in: the account's roles travel as claims, one per grant, with its security stamp, which
/// every request checks against the database (SessionStamp), so that a session ends on the server.
/// </summary>
public static class Authentication
{
    public const string GrantClaim = "parindex:grant";
    public const string DisplayNameClaim = "parindex:display-name";
    public const string StampClaim = "parindex:stamp";

    public static IServiceCollection AddParIndexAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.LoginPath = "/dang-nhap";
            o.LogoutPath = "/dang-xuat";
            o.AccessDeniedPath = "/dang-nhap";
            o.Cookie.Name = "ParIndex.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            // Secure whenever the request is (production runs behind HTTPS); plain http only on a developer's machine.
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events.OnValidatePrincipal = SessionStamp.ValidateAsync;
        });
        services.AddAuthorization();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "ParIndex.Antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        return services;
    }

    public static ClaimsPrincipal ToPrincipal(Account account) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, account.UserName),
            new Claim(DisplayNameClaim, account.DisplayName),
            new Claim(StampClaim, account.SecurityStamp),
            .. account.Grants.Select(g => new Claim(GrantClaim, $"{g.Role}|{g.Scope}|{(g.Groups is null ? "" : string.Join(",", g.Groups))}")),
        ], CookieAuthenticationDefaults.AuthenticationScheme));

    /// <summary>The roles of whoever is signed in; none for an anonymous visitor.</summary>
    public static IReadOnlyList<RoleGrant> Grants(this ClaimsPrincipal user) =>
        user.FindAll(GrantClaim).Select(c => c.Value.Split('|')).Where(p => p.Length == 3 && Enum.TryParse<Role>(p[0], out _))
            .Select(p => new RoleGrant(Enum.Parse<Role>(p[0]), p[1], p[2].Length == 0 ? null : p[2].Split(',').ToHashSet(StringComparer.Ordinal)))
            .ToList();

    public static string? DisplayName(this ClaimsPrincipal user) => user.FindFirst(DisplayNameClaim)?.Value;
}
