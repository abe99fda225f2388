using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Net.Http.Headers;

namespace ParIndex.Web.Infrastructure;

/// <summary>
/// The headers every response carries: our own scripts and styles only (no inline script or style attribute is
/// left in the pages), never framed, never sniffed, no referrer beyond the site (a survey link's code stays
/// here), pages for signed-in people never kept by a cache, HSTS over HTTPS, and no Server header.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// Orleans' dashboard (its package's own script, for the installation's administrators only) sets inline styles and
    /// embeds its fonts as data: URLs. Loosened for those two there alone; scripts stay our node's files only.
    /// </summary>
    public const string DashboardContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The API reference (/scalar, Scalar.AspNetCore's page) starts its packaged script with one inline module script that
    /// carries the page's settings, and draws with inline styles. Loosened for those there alone; the page holds no data
    /// and no user input, and fetches only this node's files and its OpenAPI document.
    /// </summary>
    public const string ApiReferenceContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; " +
        "worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Where the API reference is served (Scalar's default).</summary>
    public const string ApiReferencePath = "/scalar";

    private static string PolicyFor(PathString path) =>
        path.StartsWithSegments(Dashboard.Path) ? DashboardContentSecurityPolicy
        : path.StartsWithSegments(ApiReferencePath) ? ApiReferenceContentSecurityPolicy
        : ContentSecurityPolicy;

    public static WebApplicationBuilder AddParIndexSecurityHeaders(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<KestrelServerOptions>(o => o.AddServerHeader = false);
        builder.Services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        return builder;
    }

    /// <summary>First in the pipeline, so that error pages and static files carry the headers too.</summary>
    public static WebApplication UseParIndexSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = PolicyFor(context.Request.Path);
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "same-origin";
                headers.Remove(HeaderNames.Server);
                // What a signed-in person reads may be unpublished: no browser or proxy keeps a copy.
                if (Access.IsSignedIn(context.User))
                {
                    headers.CacheControl = "no-store";
                    headers.Pragma = "no-cache";
                }
                return Task.CompletedTask;
            });
            return next(context);
        });
        app.UseHsts(); // only on HTTPS requests, and never for localhost (HstsOptions.ExcludedHosts)
        return app;
    }
}
